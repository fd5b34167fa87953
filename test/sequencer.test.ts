import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { durationKey, longestFirst, readDurations, UNKNOWN_SECONDS } from "./sequencer.js";

describe("longest-first test order", () => {
  it("keeps each project's files together (browser journeys, PostgreSQL, PGlite), longest first within", () => {
    const durations = {
      "pglite:b.test.ts": 30,
      "postgres:b.test.ts": 5,
      "postgres:w.test.ts": 50,
      "e2e:j.e2e.ts": 300,
      "pglite:tiny.test.ts": 0.2,
      "pglite:a.test.ts": 30,
    };
    const keys = [
      "pglite:tiny.test.ts",
      "pglite:new.test.ts",
      "postgres:b.test.ts",
      "pglite:b.test.ts",
      "e2e:j.e2e.ts",
      "postgres:w.test.ts",
      "pglite:a.test.ts",
      "other:x.test.ts",
    ];
    expect(longestFirst(keys, (k) => k, durations)).toEqual([
      "e2e:j.e2e.ts",
      "postgres:w.test.ts",
      "postgres:b.test.ts",
      "pglite:a.test.ts",
      "pglite:b.test.ts",
      "pglite:new.test.ts",
      "pglite:tiny.test.ts",
      "other:x.test.ts",
    ]);
    expect(UNKNOWN_SECONDS).toBeGreaterThan(0.2);
  });

  it("keys files by project and path from the root, with forward slashes", () => {
    expect(durationKey("postgres", "/repo", "/repo/src/a/b.int.test.ts")).toBe("postgres:src/a/b.int.test.ts");
  });

  it("reads the committed durations: known projects, files that exist, positive seconds", () => {
    const durations = readDurations();
    const root = path.resolve(import.meta.dirname, "..");
    expect(Object.keys(durations).length).toBeGreaterThan(50);
    for (const [key, seconds] of Object.entries(durations)) {
      const [project, file] = key.split(/:(.*)/s) as [string, string];
      expect(["pglite", "postgres", "e2e"], key).toContain(project);
      expect(fs.existsSync(path.join(root, file)), `${key}: no such file (run npm run test:durations)`).toBe(true);
      expect(seconds, key).toBeGreaterThanOrEqual(0);
    }
  });

  it("gives an empty table for a missing file rather than failing the run", () => {
    expect(readDurations("/nonexistent/durations.json")).toEqual({});
  });
});
