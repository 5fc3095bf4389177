/**
 * `npm start`: validate the environment, build if the sources changed since the last build,
 * then serve. In demo mode an AUTH_SECRET is generated once into .data/.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { envOrExit, failWith } from "./exit";
import { build, isBuilt } from "./build";

const fail = failWith("podium");

const env = envOrExit(fail);

const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(env.PORT ?? 3000) };
if (env.demo && !env.AUTH_SECRET) {
  const file = path.join(".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(".data", { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(33).toString("base64"), { mode: 0o600 });
  }
  childEnv.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

if (!isBuilt()) {
  console.log("podium: building (first start, or the sources changed)…");
  if (!build(childEnv)) fail("the build failed (see above)");
}

const port = childEnv.PORT ?? "3000";
console.log(
  `podium: starting on http://localhost:${port} (${env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.PGLITE_DIR ?? ".data/pglite"}`}${env.demo ? ", demo mode" : ""})`,
);
// Not `next start`: scripts/server.ts runs Next behind a server that weighs X-Forwarded-* against the socket peer.
const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts")], {
  stdio: "inherit",
  env: { ...childEnv, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
