import { defineConfig } from "vitest/config";

// Three kinds of tests (see README, "Tests"):
//  - unit and integration tests on PGlite (always);
//  - the integration tests again on a PostgreSQL server when TEST_DATABASE_URL is set;
//  - browser tests (test/e2e) against Debian's Chromium, one file at a time.
const integration = ["src/**/*.int.test.{ts,tsx}", "test/**/*.int.test.{ts,tsx}", "scripts/**/*.int.test.ts", "demo/**/*.int.test.ts"];
const projects: any[] = [
  {
    test: {
      name: "pglite",
      include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "demo/**/*.test.ts"],
      exclude: ["test/e2e/**", "node_modules/**"],
      env: { TEST_DB: "pglite" },
      globalSetup: ["test/global-setup.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  {
    test: {
      name: "e2e",
      include: ["test/e2e/**/*.e2e.ts"],
      env: { TEST_DB: "pglite" },
      globalSetup: ["test/global-setup.ts"],
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: "postgres",
      include: integration,
      env: { TEST_DB: "postgres" },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}

export default defineConfig({
  test: {
    projects,
    pool: "forks",
    maxWorkers: 2,
  },
});
