import { expect, test } from "@playwright/test";
import { NGINX_ADDRESS, NGINX_PORT, POSTGRES_PORT, PROXIED_PORT, PROXY_HOST, PROXY_ORIGIN } from "../playwright.config";
import { startNginx, type RunningNginx } from "./proxy/nginx";
import { startOfAMinute } from "./fixtures";
import { rawRequest } from "./proxy/raw-request";

// Podium behind Debian's nginx: TLS on https://podium.test:<port>, AUTH_URL set to it, nginx (and only
// nginx) trusted. nginx missing fails these tests with the reason; it is not a skip.
let nginx: RunningNginx | undefined;
test.beforeAll(async () => {
  nginx = await startNginx({ hostName: PROXY_HOST, port: NGINX_PORT, upstream: `http://127.0.0.1:${PROXIED_PORT}`, bindAddress: NGINX_ADDRESS });
});
test.afterAll(async () => nginx?.stop());

const failedCallback = "/api/auth/callback/github?code=nope&state=nope";

test("signs in through nginx and the fake GitHub: redirects name the public URL, the session cookie is __Secure- and Secure", async ({ page, context }) => {
  const redirects: string[] = [];
  page.on("response", (r) => {
    const target = r.headers()["location"] ?? r.headers()["x-action-redirect"];
    if (target && new URL(r.url()).host === `${PROXY_HOST}:${NGINX_PORT}`) redirects.push(new URL(target, r.url()).href);
  });
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: /Sign in to Podium/i })).toBeVisible();
  // Demo mode: even the fake GitHub's sign-in page comes through nginx (its own port is loopback-only).
  expect(page.url().startsWith(`${PROXY_ORIGIN}/login/oauth/authorize?`)).toBe(true);
  expect(new URL(page.url()).searchParams.get("redirect_uri")).toBe(`${PROXY_ORIGIN}/api/auth/callback/github`);
  await page.getByRole("button", { name: /raftwalker/ }).click();
  await expect(page.getByTestId("user-avatar")).toBeVisible();
  expect(page.url()).toBe(`${PROXY_ORIGIN}/`);

  const cookies = await context.cookies(PROXY_ORIGIN);
  const session = cookies.find((c) => c.name === "__Secure-authjs.session-token");
  expect(session).toMatchObject({ secure: true, httpOnly: true, domain: PROXY_HOST });
  expect(cookies.filter((c) => c.name.startsWith("authjs.")).map((c) => c.name)).toEqual([]);

  // Sign-in start → the (fake) GitHub's page → the callback → home: every redirect on the public URL.
  expect(redirects).toContain(`${PROXY_ORIGIN}/`);
  expect(redirects.filter((r) => r.startsWith(`${PROXY_ORIGIN}/api/auth/callback/github?`))).toHaveLength(1);
  for (const r of redirects) expect(r.startsWith(`${PROXY_ORIGIN}/`)).toBe(true);
});

test("behind nginx the rate-limit key is the client nginx saw: a spoofed X-Forwarded-For changes nothing", async () => {
  const statuses: number[] = [];
  await startOfAMinute(25);
  for (let i = 0; i < 31; i++) {
    const r = await rawRequest(`${PROXY_ORIGIN}${failedCallback}`, { from: "127.0.0.4", headers: { "x-forwarded-for": `198.51.100.${i}` } });
    statuses.push(r.status);
    if (i === 0) expect(r.headers.location).toMatch(new RegExp(`^${PROXY_ORIGIN.replace(/\./g, "\\.")}/`));
  }
  expect(statuses.slice(0, 30).filter((s) => s === 429)).toEqual([]);
  expect(statuses[30]).toBe(429);
  // Another client behind the same nginx has a budget of its own: the key is not nginx's address.
  expect((await rawRequest(`${PROXY_ORIGIN}${failedCallback}`, { from: "127.0.0.5" })).status).not.toBe(429);
});

test("reached directly from an untrusted peer, rotating X-Forwarded-For does not bypass the sign-in limit", async () => {
  const direct = `http://127.0.0.1:${PROXIED_PORT}${failedCallback}`;
  const statuses: number[] = [];
  await startOfAMinute(25);
  for (let i = 0; i < 31; i++) statuses.push((await rawRequest(direct, { from: "127.0.0.6", headers: { "x-forwarded-for": `203.0.113.${i}` } })).status);
  expect(statuses.slice(0, 30).filter((s) => s === 429)).toEqual([]);
  expect(statuses[30]).toBe(429);
});

/** Starts a sign-in over HTTP (CSRF token, then the form post) and returns the redirect_uri sent to GitHub. */
async function signInRedirectUri(base: string, from: string, headers: Record<string, string>): Promise<string | null> {
  const csrf = await rawRequest(`${base}/api/auth/csrf`, { from, headers });
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const start = await rawRequest(`${base}/api/auth/signin/github`, {
    from,
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: "/" }).toString(),
  });
  expect(start.status).toBe(302);
  return new URL(start.headers.location ?? "").searchParams.get("redirect_uri");
}

test("without AUTH_URL, X-Forwarded-Host/-Proto choose the OAuth origin only from a trusted proxy", async () => {
  // The PostgreSQL-backed instance has no AUTH_URL and trusts 127.0.0.1 (the test runner plays its proxy).
  const base = `http://127.0.0.1:${POSTGRES_PORT}`;
  const forwarded = { "x-forwarded-host": "podium.example", "x-forwarded-proto": "https" };
  expect(await signInRedirectUri(base, "127.0.0.1", { ...forwarded, "x-forwarded-for": "198.51.100.77" })).toBe(
    "https://podium.example/api/auth/callback/github",
  );
  expect(await signInRedirectUri(base, "127.0.0.7", forwarded)).toBe(`${base}/api/auth/callback/github`);
});
