import path from "node:path";
import { defineConfig } from "vitest/config";

// `server-only` throws outside React's server build; tests import server modules directly.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/harness/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One PostgreSQL server for the run; each file makes its own databases.
          fileParallelism: false,
        },
      },
    ],
  },
});
