import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/** The app on the embedded database (PGlite). */
export const PGLITE_PORT = Number(process.env.E2E_PORT ?? 3107);
/** The app on PostgreSQL (started by e2e/run.ts); tests seed it directly. */
export const POSTGRES_PORT = PGLITE_PORT + 1;
export const E2E_PG_URL = process.env.PODIUM_E2E_PG_URL ?? "";
/** The app behind nginx (e2e/proxy.spec.ts): its own port, nginx's TLS port, the public name and nginx's address. */
export const PROXIED_PORT = PGLITE_PORT + 2;
export const NGINX_PORT = PGLITE_PORT + 3;
/** Ports the startup spec starts its own servers on (second server, restart after kill -9): none of the above. */
export const STARTUP_PORTS = [PGLITE_PORT + 10, PGLITE_PORT + 11] as const;
export const PROXY_HOST = "podium.test";
export const PROXY_ORIGIN = `https://${PROXY_HOST}:${NGINX_PORT}`;
/** nginx connects to Podium from this loopback address (`proxy_bind`): the only trusted proxy of that instance. */
export const NGINX_ADDRESS = "127.0.0.2";
/** Test-only webhook secret of the PostgreSQL-backed instance. */
export const E2E_WEBHOOK_SECRET = "e2e-webhook-secret-not-a-real-one";

// Set once by the runner; workers inherit it, so tests can reach the server's embedded database folder.
process.env.PODIUM_E2E_DIR ??= path.join(os.tmpdir(), `podium-e2e-${process.pid}`);
export const E2E_PGLITE_DIR = path.join(process.env.PODIUM_E2E_DIR, "pglite");

const demoEnv = { AUTH_GITHUB_ID: "", AUTH_GITHUB_SECRET: "", GITHUB_TOKEN: "", PODIUM_ADMINS: "", AUTH_URL: "" };
// The test runner plays the proxy of the directly reached instances: tests pick a client with X-Forwarded-For.
const runnerIsProxy = { PODIUM_TRUSTED_PROXIES: "127.0.0.1,::1" };
const chromium = {
  // localhost, not 127.0.0.1: Next rewrites the host and a session cookie would be lost.
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  },
};

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Browsers send Accept-Language: en-US (Playwright's default, said here): the specs that read English get English.
  use: { ...chromium, locale: "en-US" },
  projects: [
    { name: "pglite", testMatch: /(home|cli|startup)\.spec\.ts/, use: { baseURL: `http://localhost:${PGLITE_PORT}`, viewport: { width: 1280, height: 800 } } },
    {
      name: "pglite-mobile",
      testMatch: /home\.spec\.ts/,
      grep: /@mobile/,
      use: { baseURL: `http://localhost:${PGLITE_PORT}`, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    {
      name: "postgres",
      testIgnore: /(home|cli|proxy|startup)\.spec\.ts/,
      use: { baseURL: `http://localhost:${POSTGRES_PORT}`, viewport: { width: 1280, height: 800 } },
    },
    {
      name: "postgres-mobile",
      testMatch: /rankings\.spec\.ts/,
      grep: /@mobile/,
      use: { baseURL: `http://localhost:${POSTGRES_PORT}`, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    {
      // Behind Debian's nginx with TLS on a custom host name (the spec starts nginx; Chromium maps the name).
      name: "proxy",
      testMatch: /proxy\.spec\.ts/,
      use: {
        baseURL: PROXY_ORIGIN,
        ignoreHTTPSErrors: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: { ...chromium.launchOptions, args: [...chromium.launchOptions.args, `--host-resolver-rules=MAP ${PROXY_HOST} 127.0.0.1`] },
      },
    },
  ],
  webServer: [
    {
      // The real production path: `npm start` (built already by e2e/run.ts) on a fresh embedded database.
      command: "npm start",
      url: `http://localhost:${PGLITE_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { ...demoEnv, ...runnerIsProxy, PORT: String(PGLITE_PORT), PGLITE_DIR: E2E_PGLITE_DIR, DATABASE_URL: "" },
    },
    {
      command: "npm start",
      url: `http://localhost:${POSTGRES_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { ...demoEnv, ...runnerIsProxy, PORT: String(POSTGRES_PORT), DATABASE_URL: E2E_PG_URL, GITHUB_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET },
    },
    {
      // The instance behind nginx: its public URL is nginx's, and only nginx's forwarding headers are believed.
      command: "npm start",
      url: `http://localhost:${PROXIED_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        ...demoEnv,
        PORT: String(PROXIED_PORT),
        PGLITE_DIR: path.join(process.env.PODIUM_E2E_DIR, "pglite-proxied"),
        DATABASE_URL: "",
        AUTH_URL: PROXY_ORIGIN,
        PODIUM_TRUSTED_PROXIES: NGINX_ADDRESS,
      },
    },
  ],
});
