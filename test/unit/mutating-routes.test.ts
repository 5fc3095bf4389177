import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Proof = { file: string; title: string };

/**
 * Every route handler that accepts writes, what guards it, and the tests that prove who may call it (file and exact
 * title; each must exist). Server actions are in the authorization matrix (test/authz-matrix.ts); a new mutating
 * route needs a line here and such a test.
 */
const MUTATING_ROUTES: Record<string, { guard: string; tests: Proof[] }> = {
  "app/api/webhooks/github/route.ts": {
    guard: "HMAC signature, age bound and rate limit",
    tests: [
      { file: "e2e/webhooks.spec.ts", title: "a webhook with a bad signature is refused with 401 and writes nothing" },
      { file: "e2e/webhooks.spec.ts", title: "a replayed delivery of an event older than the bound (72 h) is refused with 422 and writes nothing" },
      { file: "e2e/webhooks.spec.ts", title: "the webhook endpoint answers 429 with Retry-After once a sender passes 600 deliveries a minute" },
      { file: "test/integration/webhooks.test.ts", title: "verifies GitHub's signature in constant time" },
    ],
  },
  "app/api/internal/cli/route.ts": {
    guard: "the PGlite lock file's token",
    tests: [{ file: "e2e/cli.spec.ts", title: "the CLI's way into the server refuses any caller without the lock file's token, and runs nothing" }],
  },
  "app/api/auth/[...nextauth]/route.ts": {
    guard: "Auth.js (its own CSRF token and state checks), rate limit",
    tests: [
      { file: "e2e/auth.spec.ts", title: "signs in through the full OAuth round trip with the demo GitHub, and out again" },
      { file: "e2e/auth.spec.ts", title: "sign-in is rate-limited per client: past 30 a minute the OAuth routes answer 429 and the button explains" },
    ],
  },
  "app/login/oauth/authorize/route.ts": {
    guard: "demo mode only (404 otherwise), the fake GitHub's identity picker; writes nothing of Podium's",
    tests: [{ file: "e2e/proxy.spec.ts", title: "signs in through nginx and the fake GitHub: redirects name the public URL, the session cookie is __Secure- and Secure" }],
  },
};

/** The titles of the tests a file declares with a plain `test("…", …)` or `it("…", …)` (skipped or `.only` ones do not count). */
function declaredTitles(source: string): string[] {
  const calls = source.matchAll(/(?<![\w.])(?:test|it)\(\s*(["'`])((?:\\.|(?!\1).)*)\1\s*,/gs);
  return [...calls].map((m) => m[2]!.replace(/\\(.)/g, "$1"));
}

function routes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routes(p) : e.name === "route.ts" ? [p] : [];
  });
}

describe("mutating routes", () => {
  it("every route handler that accepts POST, PUT, PATCH or DELETE is listed with the test of who may call it", () => {
    const mutating = routes("app")
      .filter((file) => /export (async function |const \{[^}]*\b)(POST|PUT|PATCH|DELETE)\b/.test(fs.readFileSync(file, "utf8")))
      .map((file) => file.split(path.sep).join("/"))
      .sort();
    expect(mutating).toEqual(Object.keys(MUTATING_ROUTES).sort());
  });

  it("each named test exists: the file is there and declares a test of exactly that title", () => {
    for (const [route, { tests }] of Object.entries(MUTATING_ROUTES)) {
      expect(tests.length, route).toBeGreaterThan(0);
      for (const { file, title } of tests) {
        expect(fs.existsSync(file), `${route}: ${file} exists`).toBe(true);
        expect(declaredTitles(fs.readFileSync(file, "utf8")), `${route}: ${file}`).toContain(title);
      }
    }
  });

  it("finds a test's title only in a plain test( or it( call", () => {
    const source = [
      `test("a plain one", async () => {});`,
      `  it('the maintainer\\'s own', () => {});`,
      `test.skip("skipped", () => {});`,
      `test.describe("a group", () => {});`,
      `const title = "not a test";`,
      `await test("no callback");`,
    ].join("\n");
    expect(declaredTitles(source)).toEqual(["a plain one", "the maintainer's own"]);
  });
});
