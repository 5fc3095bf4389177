import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZFixture, type Fixture } from "@/demo/program/fixture";
import { generateDemoProgram } from "@/demo/program/generate";
import { startFakeGitHub } from "./server";

/**
 * `tsx demo/fake-github/main.ts [--port N] [--host H] [--fixture demo|<file.json>] [--auto-login LOGIN] [--control-token T]`
 * Starts the fake GitHub, prints `{"url":"http://127.0.0.1:PORT","controlToken":"…"}` on one line once
 * listening, and stops on SIGTERM / SIGINT. The `/_fake/*` control endpoints want the control token in the
 * `x-fake-control-token` header (a random one unless `--control-token` is given).
 */

function loadFixture(spec: string): Fixture {
  if (spec === "demo") return generateDemoProgram();
  const parsed = ZFixture.safeParse(JSON.parse(readFileSync(spec, "utf8")));
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`${spec} is not a valid fixture:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      fixture: { type: "string", default: "demo" },
      "auto-login": { type: "string" },
      "rate-limit": { type: "string" },
      "control-token": { type: "string" },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const rateLimit = values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]);
  const controlToken = values["control-token"] || crypto.randomBytes(24).toString("base64url");
  const fake = await startFakeGitHub({
    fixture: loadFixture(values.fixture),
    port,
    host: values.host,
    autoLogin: values["auto-login"],
    rateLimit,
    controlToken,
  });
  process.stdout.write(`${JSON.stringify({ url: fake.url, controlToken })}\n`);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    fake.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake GitHub: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
