// Every browser journey (test/e2e/*.e2e.ts but the journeys-N files), split in two halves
// that run as two test files: journeys-1.e2e.ts and journeys-2.e2e.ts.
//
// Why files that import journeys rather than the journeys themselves: Vitest gives each file
// its own task, and a project whose files must run one at a time is scheduled after all the
// other projects, in a phase of its own. As two files of a project that runs in parallel,
// two workers go through the journeys, one Chromium each, while the other workers take the
// unit and integration files: the journeys wait on Chromium and on the pages' timers much of
// the time, and one serial worker had become the longest path of `npm test`.
// Each journey still starts its own world: its own database, data folder, server and
// browser context. The halves alternate in file-name order, so a new journey file is always
// run by one of them (a test below checks it) without a list to keep up to date.
// One journey alone: npx vitest run --project e2e -t "<its describe title>"
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { closeSharedBrowser } from "./browser.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The journey files, in the order the halves take them from. */
export function journeyFiles(): string[] {
  return fs
    .readdirSync(here)
    .filter((f) => f.endsWith(".e2e.ts") && !f.startsWith("journeys"))
    .sort();
}

/** The journeys of half `shard` (0 or 1) of `of`. */
export function shardOf(files: readonly string[], shard: number, of: number): string[] {
  return files.filter((_, i) => i % of === shard);
}

/** Imports one half's journeys while Vitest collects the calling file: their describe blocks become its own. */
export async function runJourneys(shard: number, of: number): Promise<void> {
  for (const file of shardOf(journeyFiles(), shard, of)) await import(`./${file.replace(/\.ts$/, ".js")}`);
  afterAll(closeSharedBrowser);
}
