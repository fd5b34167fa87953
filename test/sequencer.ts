// Longest test files first, project by project (vitest.config.ts).
//
// `npm test` runs about two hundred files on four workers; the run ends when the last worker
// ends. Vitest's own order puts the projects one after the other (e2e, pglite, postgres) and,
// on a fresh clone (CI: no results cache), keeps the files in discovery order, so the longest
// PostgreSQL files started last and ran alone at the end while the other workers sat idle.
// Starting the longest first (the classic "longest processing time" rule) packs the workers.
// Projects stay in blocks: a worker is kept for the next file only when that file is of the
// same project (Vitest's pool, isolate: false); files of the three projects interleaved made
// every worker start again, with the app and PGlite imported anew, almost file after file
// (measured: 418 s of imports instead of about 80). The order of the blocks: PROJECT_ORDER.
// The durations come from a committed file measured on this machine
// (`npm run test:durations` rewrites it); a file it does not know yet counts as a small one.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BaseSequencer, type TestSpecification } from "vitest/node";

export const DURATIONS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "durations.json");

/** Seconds a file of a project is expected to take, keyed "project:path/from/root". */
export type Durations = Record<string, number>;

/** What an unknown file is expected to take: about the median file. */
export const UNKNOWN_SECONDS = 2;

export function readDurations(file = DURATIONS_FILE): Durations {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Durations;
  } catch {
    return {};
  }
}

export function durationKey(project: string, root: string, moduleId: string): string {
  return `${project}:${path.relative(root, moduleId).split(path.sep).join("/")}`;
}

/**
 * The browser journeys first: they wait on Chromium and on the pages' timers much of the time,
 * so the other projects' files fill the cores meanwhile; left for the end (measured), three
 * journeys ran alone for two minutes on a half-idle machine. Then the PostgreSQL files (part of
 * their work is in the server's processes), then PGlite's. Unknown projects last.
 */
export const PROJECT_ORDER = ["e2e", "postgres", "pglite"];

/** Project by project in PROJECT_ORDER, longest expected file first within each; ties by key ("project:path"). */
export function longestFirst<T>(items: readonly T[], key: (item: T) => string, durations: Durations): T[] {
  const expected = (item: T) => durations[key(item)] ?? UNKNOWN_SECONDS;
  const rank = (item: T) => {
    const i = PROJECT_ORDER.indexOf(key(item).split(":")[0]!);
    return i === -1 ? PROJECT_ORDER.length : i;
  };
  return [...items].sort((a, b) => rank(a) - rank(b) || expected(b) - expected(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    return longestFirst(files, (spec) => durationKey(spec.project.name, root, spec.moduleId), readDurations());
  }
}
