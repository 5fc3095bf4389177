import { expect, test } from "@playwright/test";
import { SESSION_COOKIE, sessionTokenFor } from "./fixtures";

test("/api/auth/session tells page scripts who is signed in, and never the session token", async ({ request, baseURL }) => {
  const token = await sessionTokenFor("coldcache");
  const res = await request.get("/api/auth/session", { headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: baseURL! } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  // The cookie was recognised (else the body would be null and the checks below would prove nothing).
  expect((JSON.parse(text) as { user?: { login?: string } }).user?.login).toBe("coldcache");
  expect(text).not.toContain(token);
  expect(text).not.toContain("sessionToken");
  expect(text).not.toContain("userId");
});
