import { defineConfig, type UserWorkspaceConfig } from "vitest/config";
import LongestFirstSequencer from "./test/sequencer.js";

// Three kinds of tests (see README, "Tests"):
//  - unit and integration tests on PGlite (always);
//  - the integration tests again on a PostgreSQL server when TEST_DATABASE_URL is set;
//  - browser tests (test/e2e) against Debian's Chromium, one journey at a time.
// Every project runs in one phase on the same workers: test files are not isolated from
// each other (isolate: false), so a worker imports the app, PGlite's WebAssembly and the
// test helpers once instead of once per file (about 2 s of CPU per file). Each file still
// builds its own database, data folder and app (test/helpers.ts); module-level state in
// src/ must therefore not leak from one app to another, which the tests would catch.
const integration = ["src/**/*.int.test.{ts,tsx}", "test/**/*.int.test.{ts,tsx}", "scripts/**/*.int.test.ts", "demo/**/*.int.test.ts"];
const projects: UserWorkspaceConfig[] = [
  {
    test: {
      name: "pglite",
      include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "demo/**/*.test.ts"],
      exclude: ["test/e2e/**", "node_modules/**"],
      env: { TEST_DB: "pglite" },
      globalSetup: ["test/global-setup.ts"],
      isolate: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  {
    test: {
      name: "e2e",
      // three files that import a third of the journeys each (test/e2e/journeys.ts): three
      // workers, one Chromium each, in parallel with the rest
      include: ["test/e2e/journeys-*.e2e.ts"],
      env: { TEST_DB: "pglite" },
      globalSetup: ["test/global-setup.ts"],
      isolate: false,
      // generous: a journey waits on a browser and a server that share two cores with the
      // other workers; a real hang still fails, a busy machine does not
      testTimeout: 120_000,
      hookTimeout: 180_000,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: "postgres",
      include: integration,
      env: { TEST_DB: "postgres" },
      globalSetup: ["test/global-setup-postgres.ts"],
      isolate: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}

export default defineConfig({
  test: {
    projects,
    pool: "forks",
    // Four workers on two cores: the two browser journeys' workers spend much of their time
    // waiting on Chromium and on the pages' timers, and the other two use that time. With
    // three, the integration files went through one worker while the journeys ran (measured:
    // 12 min in all, the two cores 60% busy).
    // Five (2026-12-06, longest files first): 313 s against 296 s with four, the extra worker's
    // imports cost more than the cores it found idle.
    maxWorkers: 4,
    // the longest files first, whatever their project (test/sequencer.ts, test/durations.json)
    sequence: { sequencer: LongestFirstSequencer },
  },
});
