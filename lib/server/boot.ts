import crypto from "node:crypto";
import { updatePgliteLock } from "@/db/client";
import { getDatabase } from "@/db";
import { env, EnvError } from "@/lib/env";

const g = globalThis as unknown as { __podiumCliToken?: string };

/** The secret the CLI presents to run a command inside this server (written to the PGlite lock, mode 0600). */
export function cliToken(): string | undefined {
  return g.__podiumCliToken;
}

export async function boot(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(`podium: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const started = Date.now();
  const handle = await getDatabase();
  if (handle.kind === "pglite") {
    g.__podiumCliToken = crypto.randomBytes(24).toString("base64url");
    updatePgliteLock(config.PGLITE_DIR ?? ".data/pglite", {
      port: Number(process.env.PORT ?? 3000),
      token: g.__podiumCliToken,
    });
  }
  if (config.demo) {
    const { seedDemo } = await import("@/lib/demo/seed");
    const summary = await seedDemo(handle.db);
    console.log(`podium: demo mode — ${summary}`);
  }
  console.log(`podium: database ready (${handle.kind}) in ${Date.now() - started} ms`);
}
