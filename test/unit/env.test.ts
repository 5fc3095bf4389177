import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { EnvError, parseEnv, ZEnv } from "@/lib/env";

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (e) {
    if (e instanceof EnvError) return e.problems;
    throw e;
  }
}

describe("environment", () => {
  it("is demo mode with nothing set, and fills GitHub's defaults", () => {
    const env = parseEnv({});
    expect(env.demo).toBe(true);
    expect(env.githubUrl).toBe("https://github.com");
    expect(env.githubGraphqlUrl).toBe("https://api.github.com/graphql");
    expect(env.admins).toEqual([]);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AUTH_GITHUB_ID: " ", AUTH_GITHUB_SECRET: "" }).demo).toBe(true);
  });

  it("requires AUTH_SECRET outside demo mode", () => {
    expect(problems({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" })).toEqual([
      expect.stringMatching(/^AUTH_SECRET is required outside demo mode/),
    ]);
    expect(problems({ GITHUB_TOKEN: "t", AUTH_SECRET: "x".repeat(40) })).toEqual([]);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL expected a postgres:\/\/ connection string/],
    [{ PORT: "eighty" }, /^PORT /],
    [{ PORT: "70000" }, /^PORT /],
    [{ AUTH_GITHUB_ID: "id" }, /^AUTH_GITHUB_SECRET must be set together/],
    [{ GITHUB_URL: "not a url" }, /^GITHUB_URL expected the GitHub web base/],
    [{ AUTH_SECRET: "short" }, /^AUTH_SECRET expected at least 32 characters/],
    [{ PODIUM_ADMINS: "alice, bob;drop" }, /^PODIUM_ADMINS expected comma-separated GitHub logins/],
    [{ PODIUM_RATE_LIMIT_SIGNIN: "lots" }, /^PODIUM_RATE_LIMIT_SIGNIN expected requests per minute/],
    [{ PODIUM_RATE_LIMIT_WEBHOOK: "2.5" }, /^PODIUM_RATE_LIMIT_WEBHOOK expected a whole number/],
    [{ PODIUM_WEBHOOK_MAX_AGE_HOURS: "-1" }, /^PODIUM_WEBHOOK_MAX_AGE_HOURS expected a number of hours/],
    [{ AUTH_URL: "podium.example.org" }, /^AUTH_URL expected the public base URL/],
    [{ AUTH_URL: "ftp://podium.example.org" }, /^AUTH_URL expected the public base URL/],
    [{ AUTH_URL: "https://podium.example.org/?x=1" }, /^AUTH_URL expected a base URL without a query/],
    [{ PODIUM_TRUSTED_PROXIES: "127.0.0.1, proxy.local" }, /^PODIUM_TRUSTED_PROXIES expected comma-separated IP addresses or CIDRs: "proxy.local"/],
    [{ PODIUM_TRUSTED_PROXIES: "10.0.0.0/33" }, /^PODIUM_TRUSTED_PROXIES .*"10.0.0.0\/33": the prefix length must be 0–32/],
    [{ PODIUM_TRUSTED_PROXIES: "fd00::/129" }, /^PODIUM_TRUSTED_PROXIES .*the prefix length must be 0–128/],
  ])("names the variable in %j", (source, pattern) => {
    expect(problems(source).some((p) => pattern.test(p))).toBe(true);
  });

  it("refuses a token with a line break or a space, naming the variable and never quoting the value", () => {
    const token = "ghp_AAAAbbbbCCCCddddEEEEffffGGGGhhhh1234";
    const found = problems({ GITHUB_TOKEN: `${token}\nsecond-line`, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "sec ret-value-xyz", AUTH_SECRET: "y".repeat(40) });
    expect(found).toEqual([expect.stringMatching(/^AUTH_GITHUB_SECRET expected one line/), expect.stringMatching(/^GITHUB_TOKEN expected one line/)]);
    const text = found.join("\n");
    for (const value of [token, "second-line", "ret-value-xyz", "y".repeat(40)]) expect(text).not.toContain(value);
    expect(parseEnv({ GITHUB_TOKEN: ` ${token} `, AUTH_SECRET: "y".repeat(40) }).GITHUB_TOKEN).toBe(token);
  });

  it("has rate limits and a webhook age bound by default; 0 turns them off", () => {
    expect(parseEnv({})).toMatchObject({ rateLimitSignIn: 30, rateLimitWebhook: 600, webhookMaxAgeMs: 72 * 3_600_000 });
    expect(parseEnv({ PODIUM_RATE_LIMIT_SIGNIN: "0", PODIUM_RATE_LIMIT_WEBHOOK: "5", PODIUM_WEBHOOK_MAX_AGE_HOURS: "0.5" })).toMatchObject({
      rateLimitSignIn: 0,
      rateLimitWebhook: 5,
      webhookMaxAgeMs: 1_800_000,
    });
  });

  it("trusts no proxy by default; PODIUM_TRUSTED_PROXIES takes addresses and CIDRs of both families", () => {
    expect(parseEnv({}).trustedProxies.has("127.0.0.1")).toBe(false);
    const trusted = parseEnv({ PODIUM_TRUSTED_PROXIES: " 10.0.0.0/8 , ::1,fd00::/16" }).trustedProxies;
    expect(["10.200.3.4", "::1", "fd00:abcd::1"].map((a) => trusted.has(a))).toEqual([true, true, true]);
    expect(["11.0.0.1", "::2", "fd01::1"].map((a) => trusted.has(a))).toEqual([false, false, false]);
  });

  it("reads PODIUM_ADMINS as lower-case logins", () => {
    expect(parseEnv({ PODIUM_ADMINS: "Alice, bob ," }).admins).toEqual(["alice", "bob"]);
  });

  it(".env.example documents every variable the app reads", () => {
    const example = fs.readFileSync(".env.example", "utf8");
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(documented).toEqual(expect.arrayContaining(Object.keys(ZEnv.shape).filter((k) => k !== "NODE_ENV")));
  });
});
