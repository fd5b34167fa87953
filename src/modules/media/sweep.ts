// Files nobody points at: an image row is deleted before its files (so a page never shows
// a missing image), and a crash in between, or during an upload, leaves files behind.
// Run hourly by the server: removes variant files whose key has no `media` row and upload
// temporary files, both only once they are a day old (an upload in progress is younger).
import fs from "node:fs/promises";
import path from "node:path";
import type { DB } from "../../core/db/create-db.js";
import { knownFileKeys } from "./queries.js";

const GRACE_MS = 86_400_000;
const VARIANT = /^([a-z0-9-]{8,64})-\d{2,4}\.(avif|webp|jpg)$/;

async function oldFiles(dir: string, now: Date): Promise<Array<{ name: string; full: string }>> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: Array<{ name: string; full: string }> = [];
  for (const name of names) {
    const full = path.join(dir, name);
    try {
      const stat = await fs.stat(full);
      if (stat.isFile() && now.getTime() - stat.mtimeMs > GRACE_MS) out.push({ name, full });
    } catch {
      /* removed meanwhile */
    }
  }
  return out;
}

export async function sweepMediaFiles(db: DB, mediaDir: string, now: Date): Promise<{ variants: number; uploads: number }> {
  const candidates = (await oldFiles(mediaDir, now)).flatMap((f) => {
    const m = VARIANT.exec(f.name);
    return m ? [{ ...f, key: m[1]! }] : [];
  });
  const keys = [...new Set(candidates.map((c) => c.key))];
  const known = await knownFileKeys(db, keys);
  const orphans = candidates.filter((c) => !known.has(c.key));
  await Promise.all(orphans.map((o) => fs.rm(o.full, { force: true })));
  const uploads = await oldFiles(path.join(path.dirname(mediaDir), "tmp", "uploads"), now);
  await Promise.all(uploads.map((u) => fs.rm(u.full, { force: true })));
  return { variants: orphans.length, uploads: uploads.length };
}
