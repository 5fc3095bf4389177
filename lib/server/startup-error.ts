import { DatabaseOpenError, PgliteBusyError } from "@/db/client";
import { reasonOf, withoutSecrets } from "@/db/open-errors";
import { EnvError } from "@/lib/env";

/**
 * The line a server that cannot start prints before it exits: what failed and what to do, without a stack,
 * SQL text or any secret of the environment (a password in DATABASE_URL, AUTH_SECRET, tokens).
 */
export function startupFailureMessage(error: unknown, environment: Record<string, string | undefined> = process.env): string {
  let text: string;
  if (error instanceof EnvError) text = error.message;
  else if (error instanceof PgliteBusyError || error instanceof DatabaseOpenError) text = error.message;
  else text = `startup failed: ${reasonOf(error)}`;
  return `podium: cannot start: ${withoutSecrets(text, secretsOf(environment))}`;
}

/** The values of the environment that must never be printed. */
export function secretsOf(environment: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(environment)) {
    if (!value) continue;
    if (/SECRET|TOKEN|PASSWORD/i.test(name)) out.push(value);
    if (name === "DATABASE_URL") {
      try {
        const p = new URL(value).password;
        if (p) out.push(p, decodeURIComponent(p));
      } catch {
        /* not a URL */
      }
    }
  }
  return out;
}
