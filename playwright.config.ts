import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
// Set once by the runner; workers inherit it, so tests can reach the server's embedded database folder.
process.env.PODIUM_E2E_DIR ??= path.join(os.tmpdir(), `podium-e2e-${process.pid}`);
export const E2E_PGLITE_DIR = path.join(process.env.PODIUM_E2E_DIR, "pglite");

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    // localhost, not 127.0.0.1: Next rewrites the host and a session cookie would be lost.
    baseURL: `http://localhost:${E2E_PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    { name: "mobile", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, grep: /@mobile/ },
  ],
  webServer: {
    // The real production path: `npm start` builds if needed and serves, on a fresh embedded database.
    command: "npm start",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      PGLITE_DIR: E2E_PGLITE_DIR,
      DATABASE_URL: "",
      AUTH_GITHUB_ID: "",
      AUTH_GITHUB_SECRET: "",
      GITHUB_TOKEN: "",
    },
  },
});
