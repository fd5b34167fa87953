// The real open-data files live beside the checkout (../shared/data), never in the repo.
// CI lays a copy there too; tests that use them skip with a message when it is missing.
import fs from "node:fs";
import path from "node:path";

const candidates = [path.resolve("../shared/data"), "/work/shared/data"];

export const SHARED_DATA_DIR: string | null = candidates.find((dir) => fs.existsSync(path.join(dir, "SOURCES.md"))) ?? null;

if (!SHARED_DATA_DIR) console.warn("[tests] ../shared/data is absent: tests on the real open-data files are skipped.");

export function sharedFile(name: string): string | null {
  if (!SHARED_DATA_DIR) return null;
  const file = path.join(SHARED_DATA_DIR, name);
  return fs.existsSync(file) ? file : null;
}
