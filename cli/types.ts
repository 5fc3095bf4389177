import type { z } from "zod";
import type { Db } from "@/db/client";
import { formatIssues } from "@/lib/util/zod-errors";

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
 * `payload` is the schema of what `prepare` produces: it is checked again wherever `execute` runs,
 * so a payload that did not come from `prepare` (say, posted to the server's internal route) is refused.
 */
export type Command<S extends z.ZodType> = {
  name: string;
  usage: string;
  summary: string;
  payload: S;
  prepare: (args: string[]) => Promise<z.output<S>> | z.output<S>;
  execute: (db: Db, payload: z.output<S>, out: Output) => Promise<number>;
};

/** A payload checked against its command's schema: ready to run, or the problems, one `field.path: reason` a line. */
export type Checked = { ok: true; run: (db: Db, out: Output) => Promise<number> } | { ok: false; issues: string[] };

/** A command as the registry holds it: its payload type is sealed inside `check`. */
export type RegisteredCommand = {
  name: string;
  usage: string;
  summary: string;
  prepare: (args: string[]) => Promise<unknown>;
  check: (payload: unknown) => Checked;
};

export function defineCommand<S extends z.ZodType>(command: Command<S>): RegisteredCommand {
  return {
    name: command.name,
    usage: command.usage,
    summary: command.summary,
    prepare: async (args) => command.prepare(args),
    check(payload) {
      const parsed = command.payload.safeParse(payload);
      if (!parsed.success) return { ok: false, issues: formatIssues(parsed.error) };
      return { ok: true, run: (db, out) => command.execute(db, parsed.data, out) };
    },
  };
}
