import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };
const roots = ["lib", "db", "app", "components", "scripts"];
// No background jobs in a test process (lib/jobs/background.ts): nothing may sweep or refresh behind a test.
const env = { BACKGROUND_JOBS: "false" };

// Two projects: `unit` (pure code, no database) and `db` (use cases against a real database:
// files named *.db.test.ts, each file on its own fresh PGlite — or Postgres when DATABASE_URL is set).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: roots.map((r) => `${r}/**/*.test.ts`),
          exclude: ["**/*.db.test.ts", "**/node_modules/**"],
          environment: "node",
          env,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: roots.map((r) => `${r}/**/*.db.test.ts`),
          environment: "node",
          env,
          setupFiles: ["./db/testing/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
    ],
  },
});
