import { EnvError, parseEnv, type Env } from "../lib/env";

/** A start-up script's end on a problem it can name: one line on stderr, exit code 1. */
export function failWith(prefix: string): (message: string) => never {
  return (message) => {
    console.error(`${prefix}: ${message}`);
    process.exit(1);
  };
}

/** The validated environment, or the script ends with the wrong variables named (no stack trace). */
export function envOrExit(fail: (message: string) => never): Env {
  try {
    return parseEnv();
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }
}
