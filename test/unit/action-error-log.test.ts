import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";

// The session module pulls next-auth (and Next) in; this test needs only the error mapping.
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => null, auth: async () => null }));
const { toActionError } = await import("@/lib/actions/action-result");
afterEach(() => vi.restoreAllMocks());

describe("an unexpected action failure", () => {
  it("is logged without the failed query's parameters, and shown as a generic message", () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(" ")));
    const failure = new DrizzleQueryError("update accounts set access_token = $1 where user_id = $2", ["gho_LeakedOAuthTokenValue1234", "u-1"], new Error("deadlock detected"));
    const shown = toActionError(failure);
    expect(shown).toMatchObject({ ok: false, code: "UNKNOWN" });
    expect(JSON.stringify(shown)).not.toContain("access_token");
    const text = logged.join("\n");
    expect(text).toContain("update accounts set access_token");
    expect(text).toContain("deadlock detected");
    expect(text).not.toContain("gho_LeakedOAuthTokenValue1234");
  });
});
