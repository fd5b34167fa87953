import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImage } from "../../../test/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers.js";
import { sweepMediaFiles } from "./sweep.js";

let t: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-sweep-"));
});
afterAll(async () => {
  await t?.destroy();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function touch(file: string, ageMs: number, now: Date) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, "x");
  const at = new Date(now.getTime() - ageMs);
  await fs.utimes(file, at, at);
}

describe("sweepMediaFiles", () => {
  it("removes day-old files of deleted images and abandoned uploads, and nothing in use or recent", async () => {
    const mediaDir = path.join(dataDir, "media");
    const now = new Date();
    await createImage(t.db, mediaDir, { alt: "Gardée" });
    const kept = await fs.readdir(mediaDir);
    const day = 86_400_000;
    await touch(path.join(mediaDir, "0f0e0d0c-aaaa-bbbb-cccc-000000000001-320.webp"), 2 * day, now); // orphan, old
    await touch(path.join(mediaDir, "0f0e0d0c-aaaa-bbbb-cccc-000000000001-320.jpg"), 2 * day, now);
    await touch(path.join(mediaDir, "0f0e0d0c-aaaa-bbbb-cccc-000000000002-320.jpg"), 60_000, now); // orphan, being written
    await touch(path.join(mediaDir, "LISEZMOI.txt"), 2 * day, now); // not ours
    await touch(path.join(dataDir, "tmp", "uploads", "upload-1"), 2 * day, now);
    await touch(path.join(dataDir, "tmp", "uploads", "upload-2"), 60_000, now);
    // the real image's files are old too: still kept
    for (const f of kept) await fs.utimes(path.join(mediaDir, f), new Date(now.getTime() - 3 * day), new Date(now.getTime() - 3 * day));

    expect(await sweepMediaFiles(t.db, mediaDir, now)).toEqual({ variants: 2, uploads: 1 });
    const left = (await fs.readdir(mediaDir)).sort();
    expect(left).toEqual([...kept, "0f0e0d0c-aaaa-bbbb-cccc-000000000002-320.jpg", "LISEZMOI.txt"].sort());
    expect(await fs.readdir(path.join(dataDir, "tmp", "uploads"))).toEqual(["upload-2"]);
  });
});
