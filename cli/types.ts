import type { Db } from "@/db/client";

export type Output = {
  line: (text: string) => void;
  error: (text: string) => void;
  /** A status line redrawn in place on a terminal; absent elsewhere (then callers print lines). */
  progress?: (text: string) => void;
};

/** A CLI error with a message for the operator (no stack trace) and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * A command runs in two halves: `prepare` reads arguments and files where the operator is
 * (and refuses bad input before any database is touched); `execute` runs wherever the database is
 * — in this process, or inside the running server when it holds the embedded database.
 */
export type Command<P> = {
  name: string;
  usage: string;
  summary: string;
  prepare: (args: string[]) => Promise<P> | P;
  execute: (db: Db, payload: P, out: Output) => Promise<number>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of commands with different payloads
export type AnyCommand = Command<any>;
