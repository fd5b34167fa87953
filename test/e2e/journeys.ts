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
// browser context. The shards share the files by their measured length (SECONDS below), and
// a new journey file is always run by one of them (test/journey-halves.test.ts checks it)
// even before it is listed there.
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

/**
 * Seconds each journey file took alone here (2026-12-06), only to split them evenly: taking
 * the files in turn had put the three longest in one shard (120 s against 65). A file not
 * listed counts as a typical one.
 */
const SECONDS: Record<string, number> = {
  "account.e2e.ts": 18,
  "admin-content.e2e.ts": 11,
  // 46 until its autosave waits ran on Playwright's clock (its tests: 47 s -> 29 s, busy machine)
  "admin-editor.e2e.ts": 28,
  "admin-media.e2e.ts": 10,
  "admin-policy.e2e.ts": 22,
  "admin.e2e.ts": 20,
  "axe-scan.e2e.ts": 1,
  "digests.e2e.ts": 7,
  "editorial-journey.e2e.ts": 12,
  "invitation.e2e.ts": 5,
  "keyboard.e2e.ts": 9,
  "participation-comments.e2e.ts": 15,
  "participation-proposals.e2e.ts": 25,
  "policy.e2e.ts": 14,
  "public-site.e2e.ts": 23,
  "search.e2e.ts": 9,
};
const TYPICAL_SECONDS = 12;

/** The journeys of shard `shard` (0 to of - 1) of `of`: longest first, each to the least loaded shard. */
export function shardOf(files: readonly string[], shard: number, of: number): string[] {
  const load = new Array<number>(of).fill(0);
  const shards: string[][] = Array.from({ length: of }, () => []);
  const weight = (f: string) => SECONDS[f] ?? TYPICAL_SECONDS;
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1))) {
    const least = load.indexOf(Math.min(...load));
    shards[least]!.push(file);
    load[least]! += weight(file);
  }
  return shards[shard]!.sort();
}

/** Imports one shard's journeys while Vitest collects the calling file: their describe blocks become its own. */
export async function runJourneys(shard: number, of: number): Promise<void> {
  for (const file of shardOf(journeyFiles(), shard, of)) await import(`./${file.replace(/\.ts$/, ".js")}`);
  afterAll(closeSharedBrowser);
}
