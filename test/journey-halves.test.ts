// Every journey file is run by exactly one shard (a journey left out would pass silently).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { journeyFiles, SHARDS, shardOf } from "./e2e/journeys.js";

describe("the browser journeys' shards", () => {
  it("take every journey file once, and each shard has its journeys-N file", () => {
    const files = journeyFiles();
    expect(files.length).toBeGreaterThan(10);
    const shards = Array.from({ length: SHARDS }, (_, i) => shardOf(files, i, SHARDS));
    expect(shards.flat().sort()).toEqual(files);
    expect(new Set(shards.flat()).size).toBe(files.length);
    expect(files).toContain("public-site.e2e.ts");
    const runners = fs.readdirSync(path.join(import.meta.dirname, "e2e")).filter((f) => /^journeys-\d+\.e2e\.ts$/.test(f));
    expect(runners.sort()).toEqual(Array.from({ length: SHARDS }, (_, i) => `journeys-${i + 1}.e2e.ts`));
  });
});
