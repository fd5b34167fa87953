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
// (measured: 418 s of imports instead of about 80). The project whose longest file is the
// longest comes first, so the long files of every block start early.
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
 * Project by project (the project with the longest file first), longest expected file first
 * within each; ties by key. A key is "project:path".
 */
export function longestFirst<T>(items: readonly T[], key: (item: T) => string, durations: Durations): T[] {
  const expected = (item: T) => durations[key(item)] ?? UNKNOWN_SECONDS;
  const project = (item: T) => key(item).split(":")[0]!;
  const longest = new Map<string, number>();
  for (const item of items) longest.set(project(item), Math.max(longest.get(project(item)) ?? 0, expected(item)));
  return [...items].sort((a, b) => {
    const pa = project(a);
    const pb = project(b);
    if (pa !== pb) return longest.get(pb)! - longest.get(pa)! || (pa < pb ? -1 : 1);
    return expected(b) - expected(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  });
}

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    return longestFirst(files, (spec) => durationKey(spec.project.name, root, spec.moduleId), readDurations());
  }
}
