import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { configuredSecrets, errorText, redact, REDACTED } from "@/lib/security/redact";

const PAT = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
const OAUTH = "gho_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2";

describe("redact", () => {
  it("blanks out the configured secrets wherever they appear", () => {
    const secrets = configuredSecrets({ GITHUB_TOKEN: "plain-token-without-prefix", AUTH_SECRET: "x".repeat(40), GITHUB_WEBHOOK_SECRET: "hook-secret-123456", PATH: "/usr/bin" });
    expect(secrets).toEqual(expect.arrayContaining(["plain-token-without-prefix", "x".repeat(40), "hook-secret-123456"]));
    expect(secrets).not.toContain("/usr/bin");
    const text = redact("token=plain-token-without-prefix; hmac with hook-secret-123456 and xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", secrets);
    expect(text).not.toContain("plain-token-without-prefix");
    expect(text).not.toContain("hook-secret-123456");
    expect(text).not.toContain("x".repeat(40));
    expect(text).toContain("hmac with");
  });

  it.each([
    [`Headers.append: "bearer ${PAT}\nmore" is an invalid header value.`, PAT],
    [`oauth answered {"access_token":"${OAUTH}","token_type":"bearer"}`, OAUTH],
    [`{ authorization: 'token abc.def-secret-value' }`, "abc.def-secret-value"],
    [`x-podium-cli-token: 3f9a8b7c6d5e4f3a2b1c`, "3f9a8b7c6d5e4f3a2b1c"],
    [`x-fake-control-token=short1`, "short1"],
    [`GET https://example.com/cb?code=0a1b2c3d&state=s`, "0a1b2c3d"],
    [`postgres://podium:hunter2hunter2@db.internal:5432/podium`, "hunter2hunter2"],
    [`-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----`, "MIIEpAIBAAKCAQEA7"],
  ])("blanks out a credential-shaped string: %s", (text, secret) => {
    const out = redact(text, []);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it("leaves ordinary messages alone", () => {
    const text = "GitHub refused the token (401 Bad credentials): check GITHUB_TOKEN";
    expect(redact(text, [])).toBe(text);
  });
});

describe("errorText", () => {
  it("gives a failed query's SQL but not its parameters", () => {
    const e = new DrizzleQueryError("insert into sessions (session_token, user_id) values ($1, $2)", ["5e1c7a3e-session-token", "u-1"], new Error("connection lost"));
    const text = errorText(e, { stack: true, secrets: [] });
    expect(text).toContain("insert into sessions");
    expect(text).toContain("connection lost");
    expect(text).not.toContain("5e1c7a3e-session-token");
  });

  it("follows causes (Auth.js wraps them as { err }) and redacts each", () => {
    const inner = new Error(`token endpoint said ${OAUTH}`);
    const outer = new Error("OAuth callback failed", { cause: { err: inner } });
    const text = errorText(outer, { secrets: [] });
    expect(text).toContain("OAuth callback failed");
    expect(text).toContain("token endpoint said");
    expect(text).not.toContain(OAUTH);
  });

  it("redacts the stack too", () => {
    const e = new Error(`bad header: bearer ${PAT}`);
    const text = errorText(e, { stack: true, secrets: [] });
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain(PAT);
  });

  it("describes non-errors without throwing", () => {
    expect(errorText("plain text", { secrets: [] })).toBe("plain text");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorText(cyclic, { secrets: [] })).toBe("[object Object]");
  });
});
