// Every browser journey (test/e2e/*.e2e.ts but the journeys-N files), split in three shards
// that run as three test files: journeys-1.e2e.ts, journeys-2.e2e.ts and journeys-3.e2e.ts.
//
// Why files that import journeys rather than the journeys themselves: Vitest gives each file
// its own task, and a project whose files must run one at a time is scheduled after all the
// other projects, in a phase of its own. As files of a project that runs in parallel, the
// workers go through the journeys, one Chromium each, while the other workers take the
// unit and integration files: the journeys wait on Chromium and on the pages' timers much of
// the time, and one serial worker had become the longest path of `npm test`. Three shards
// rather than two: the test order starts the longest files first (test/sequencer.ts), and
// two halves of 115 and 165 s left the end of the run to one of them.
// Each journey still starts its own world: its own database, data folder, server and
// browser context. The shards take the files in turn in file-name order, so a new journey
// file is always run by one of them (test/journey-halves.test.ts checks it) without a list to
// keep up to date.
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

/** How many journeys-N files share the journeys. */
export const SHARDS = 3;

/** The journeys of shard `shard` (0 to of - 1) of `of`. */
export function shardOf(files: readonly string[], shard: number, of: number): string[] {
  return files.filter((_, i) => i % of === shard);
}

/** Imports one shard's journeys while Vitest collects the calling file: their describe blocks become its own. */
export async function runJourneys(shard: number, of: number): Promise<void> {
  for (const file of shardOf(journeyFiles(), shard, of)) await import(`./${file.replace(/\.ts$/, ".js")}`);
  afterAll(closeSharedBrowser);
}
