import { describe, expect, it } from "vitest";
import fs from "node:fs";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { EnvError, parseEnv, workerCount, ZEnv } from "@/lib/env";

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

  it("imports every 900 s by default, never in demo mode unless set; 0 turns it off", () => {
    const secret = { AUTH_SECRET: "y".repeat(40) };
    expect(parseEnv({ ...secret, GITHUB_TOKEN: "ghp_0123456789abcdefghij" }).syncIntervalSeconds).toBe(900);
    expect(parseEnv({}).syncIntervalSeconds).toBe(0);
    expect(parseEnv({ PODIUM_SYNC_INTERVAL_SECONDS: "60" }).syncIntervalSeconds).toBe(60);
    expect(parseEnv({ ...secret, GITHUB_TOKEN: "ghp_0123456789abcdefghij", PODIUM_SYNC_INTERVAL_SECONDS: "0" }).syncIntervalSeconds).toBe(0);
    expect(problems({ PODIUM_SYNC_INTERVAL_SECONDS: "1.5" })).toEqual(["PODIUM_SYNC_INTERVAL_SECONDS expected a whole number of seconds (0: off)"]);
    expect(problems({ PODIUM_SYNC_INTERVAL_SECONDS: "-1" })).toEqual(["PODIUM_SYNC_INTERVAL_SECONDS expected a number of seconds (0: off)"]);
  });

  it("runs one server process by default; PODIUM_WORKERS asks for more with PostgreSQL only, auto for one per core", () => {
    const production = { AUTH_SECRET: "y".repeat(40), GITHUB_TOKEN: "ghp_0123456789abcdefghij" };
    const postgres = { ...production, DATABASE_URL: "postgres://podium@db/podium" };
    expect(parseEnv({}).workers).toBe(1);
    expect(parseEnv(postgres).workers).toBe(1);
    expect(parseEnv({ ...postgres, PODIUM_WORKERS: "3" }).workers).toBe(3);
    expect(parseEnv({ PODIUM_WORKERS: "1" }).workers).toBe(1);
    expect(problems({ ...production, PODIUM_WORKERS: "2" })).toEqual([
      "PODIUM_WORKERS above 1 needs DATABASE_URL (PostgreSQL): the embedded database allows one process",
    ]);
    expect(problems({ DATABASE_URL: "postgres://podium@db/podium", PODIUM_WORKERS: "2" })).toEqual([
      "PODIUM_WORKERS above 1 is not for demo mode (each process would seed the demo and start its own fake GitHub)",
    ]);
    for (const bad of ["0", "65", "1.5", "many", "-2"]) {
      expect(problems({ ...postgres, PODIUM_WORKERS: bad })).toEqual(["PODIUM_WORKERS expected auto or a whole number of server processes from 1 to 64"]);
    }
    // auto: one per core, except where a second process cannot run (the embedded database, demo mode).
    expect(workerCount("auto", { postgres: true, demo: false }, 6)).toBe(6);
    expect(workerCount("auto", { postgres: true, demo: false }, 200)).toBe(64);
    expect(workerCount("auto", { postgres: false, demo: false }, 6)).toBe(1);
    expect(workerCount("auto", { postgres: true, demo: true }, 6)).toBe(1);
    expect(parseEnv({ PODIUM_WORKERS: "auto" }).workers).toBe(1);
    expect(parseEnv({ ...postgres, PODIUM_WORKERS: "auto" }).workers).toBe(os.availableParallelism());
  });

  describe("the GitHub App", () => {
    const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const secret = { AUTH_SECRET: "y".repeat(40) };

    it("takes the id and the key (PEM, a one-line \\n-escaped copy, or a file); it is not demo mode", () => {
      const env = parseEnv({ ...secret, GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY: privateKey });
      expect(env.demo).toBe(false);
      expect(env.githubApp).toEqual({ appId: 123, privateKey: privateKey.trim(), installationId: null });
      expect(parseEnv({ ...secret, GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY: privateKey.replace(/\n/g, "\\n"), GITHUB_APP_INSTALLATION_ID: "77" }).githubApp).toEqual({ appId: 123, privateKey: privateKey.trim(), installationId: 77 });
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "podium-env-")), "app.pem");
      fs.writeFileSync(file, privateKey);
      expect(parseEnv({ ...secret, GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY_FILE: file }).githubApp?.privateKey).toBe(privateKey.trim());
      expect(problems({ GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY: privateKey })).toEqual([expect.stringMatching(/^AUTH_SECRET is required outside demo mode/)]);
    });

    it("names what is missing, unreadable or not a key", () => {
      expect(problems({ ...secret, GITHUB_APP_ID: "123" })).toEqual(["GITHUB_APP_PRIVATE_KEY is required with GITHUB_APP_ID (the App's private key, or its file in GITHUB_APP_PRIVATE_KEY_FILE)"]);
      expect(problems({ ...secret, GITHUB_APP_PRIVATE_KEY: privateKey })).toEqual(["GITHUB_APP_ID is required with the other GITHUB_APP_* variables"]);
      expect(problems({ ...secret, GITHUB_APP_ID: "abc", GITHUB_APP_PRIVATE_KEY: privateKey })).toEqual(["GITHUB_APP_ID expected the App's numeric id (its settings page: App ID)"]);
      expect(problems({ ...secret, GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY: "not a key" })).toEqual([
        "GITHUB_APP_PRIVATE_KEY is not a PEM private key (expected the .pem file GitHub generated for the App, -----BEGIN RSA PRIVATE KEY----- …)",
      ]);
      expect(problems({ ...secret, GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY_FILE: "/nonexistent/app.pem" })).toEqual([
        "GITHUB_APP_PRIVATE_KEY_FILE cannot be read (ENOENT): expected the path of the App's .pem file",
      ]);
      expect(problems({ ...secret, GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY: privateKey, GITHUB_APP_PRIVATE_KEY_FILE: "/x.pem" })).toContain(
        "GITHUB_APP_PRIVATE_KEY_FILE must not be set together with GITHUB_APP_PRIVATE_KEY (set one of them)",
      );
      expect(problems({ ...secret, GITHUB_APP_ID: "123", GITHUB_APP_PRIVATE_KEY: privateKey, GITHUB_APP_INSTALLATION_ID: "x" })).toEqual(["GITHUB_APP_INSTALLATION_ID expected a numeric installation id"]);
    });
  });
});
