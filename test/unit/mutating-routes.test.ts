import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every route handler that accepts writes, and the test that proves who may call it. Server actions are in the
 * authorization matrix (test/authz-matrix.ts); a new mutating route needs a line here and such a test.
 */
const MUTATING_ROUTES: Record<string, string> = {
  "app/api/webhooks/github/route.ts": "HMAC signature, age bound and rate limit: e2e/webhooks.spec.ts, test/integration/webhooks.test.ts",
  "app/api/internal/cli/route.ts": "the PGlite lock file's token: e2e/cli.spec.ts",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js (its own CSRF token and state checks), rate limit: e2e/auth.spec.ts",
  "app/login/oauth/authorize/route.ts": "demo mode only (404 otherwise), the fake GitHub's identity picker; writes nothing of Podium's: e2e/proxy.spec.ts",
};

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
});
