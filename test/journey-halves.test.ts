// Every journey file is run by exactly one half (a journey left out would pass silently).
import { describe, expect, it } from "vitest";
import { journeyFiles, shardOf } from "./e2e/journeys.js";

describe("the browser journeys' halves", () => {
  it("take every journey file once", () => {
    const files = journeyFiles();
    expect(files.length).toBeGreaterThan(10);
    const halves = [shardOf(files, 0, 2), shardOf(files, 1, 2)];
    expect([...halves[0]!, ...halves[1]!].sort()).toEqual(files);
    expect(halves[0]!.filter((f) => halves[1]!.includes(f))).toEqual([]);
    expect(files).toContain("public-site.e2e.ts");
  });
});
