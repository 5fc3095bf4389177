import util from "node:util";
import { describe, expect, it } from "vitest";
import { DatabaseOpenError, PgliteBusyError } from "@/db/client";
import { reasonOf, redactUrl } from "@/db/open-errors";
import { EnvError } from "@/lib/env";
import { startupFailureMessage } from "@/lib/server/startup-error";

describe("PgliteBusyError", () => {
  it("carries the holder's pid and port but not its CLI token, in its message or its own fields", () => {
    const holder = { pid: 4242, port: 3000, token: "tok_9f8e7d6c5b4a", startedAt: "2026-01-01T00:00:00Z" };
    const error = new PgliteBusyError("/srv/podium/.data/pglite", holder);
    expect(error.message).toBe(
      "the embedded database in /srv/podium/.data/pglite is in use by process 4242 (the Podium server on port 3000). " +
        "PGlite allows one process at a time: stop that process, or set PGLITE_DIR to another folder (several servers need PostgreSQL: DATABASE_URL).",
    );
    expect(error.holder).toEqual({ pid: 4242, port: 3000 });
    // What Node (and Next) print for an error: its stack and every own field.
    for (const printed of [util.inspect(error, { depth: 5 }), JSON.stringify(error), String(error)]) expect(printed).not.toContain("tok_9f8e7d6c5b4a");
  });
});

describe("reasonOf", () => {
  it("gives the driver's reason of a failed query, not drizzle's SQL text", () => {
    const cause = Object.assign(new Error('relation "seasons" already exists'), { code: "42P07" });
    const wrapped = Object.assign(new Error('Failed query: CREATE TABLE "seasons" (\n"id" serial)\nparams: '), { cause });
    expect(reasonOf(wrapped)).toBe('relation "seasons" already exists (42P07)');
  });
  it("keeps a system error's code once, and only the first line of a message", () => {
    expect(reasonOf(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe("connect ECONNREFUSED 127.0.0.1:5432");
    expect(reasonOf(new Error("first\n    at secret()"))).toBe("first");
    expect(reasonOf({ name: "ErrnoError", errno: 20 })).toBe("errno 20");
    expect(reasonOf("x".repeat(300))).toHaveLength(201);
  });
});

describe("redactUrl", () => {
  it("replaces the password and drops query options", () => {
    expect(redactUrl("postgres://app:p%40ss@db.internal:5432/podium?sslmode=require")).toBe("postgres://app:***@db.internal:5432/podium");
    expect(redactUrl("postgres://app@db/podium")).toBe("postgres://app@db/podium");
    expect(redactUrl("not a url")).toBe("(an unparsable DATABASE_URL)");
  });
});

describe("startupFailureMessage", () => {
  const env = { DATABASE_URL: "postgres://app:pa%24%24word99@db/podium", AUTH_SECRET: "auth-secret-value-0123456789abcdef", GITHUB_TOKEN: "ghp_abcdef123456" };
  it("one line for a database error, prefixed", () => {
    expect(startupFailureMessage(new DatabaseOpenError("connect", "cannot connect to PostgreSQL at postgres://app:***@db/podium: timeout"), env)).toBe(
      "podium: cannot start: cannot connect to PostgreSQL at postgres://app:***@db/podium: timeout",
    );
  });
  it("keeps every secret of the environment out, even when an unexpected error echoes one", () => {
    const echo = new Error("boom pa$$word99 auth-secret-value-0123456789abcdef ghp_abcdef123456\n    at x (y.ts:1)");
    expect(startupFailureMessage(echo, env)).toBe("podium: cannot start: startup failed: boom *** *** ***");
  });
  it("names each wrong variable of an invalid environment", () => {
    expect(startupFailureMessage(new EnvError(["PORT expected a port number"]), env)).toBe("podium: cannot start: Invalid environment:\n  - PORT expected a port number");
  });
});
