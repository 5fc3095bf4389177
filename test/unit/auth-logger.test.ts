import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "@/lib/auth/logger";

function authError(type: string, message: string, cause?: unknown): Error {
  const e = new Error(message, cause === undefined ? undefined : { cause }) as Error & { type: string };
  e.type = type;
  return e;
}

describe("the Auth.js logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs an error a request caused (a callback without its PKCE cookie) as one line, without a stack", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error!(authError("InvalidCheck", "pkceCodeVerifier value could not be parsed. Read more at https://errors.authjs.dev#invalidcheck"));
    expect(error).not.toHaveBeenCalled();
    expect(warn.mock.calls).toEqual([["[auth][refused] InvalidCheck: pkceCodeVerifier value could not be parsed."]]);
  });

  it("logs a server-side error with its stack and the cause's details, redacted", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error!(authError("AdapterError", "insert failed", { err: new Error("x"), token: "ghp_abcdefghijklmnopqrstuvwxyz0123" }));
    const lines = error.mock.calls.map((c) => String(c[0]));
    expect(lines[0]).toMatch(/^\[auth\]\[error\] AdapterError: Error: insert failed/);
    expect(lines[0]).toMatch(/\n\s+at /); // the stack
    expect(lines[1]).toBe('[auth][details]: {"token":"[redacted]"}');
  });
});
