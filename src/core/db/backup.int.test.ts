// A backup is only as good as its restore: each test backs up a database with a row and a
// media file, restores it somewhere else, and reads both back.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, createBackup, pruneBackups, restoreBackup } from "./backup.js";
import { connectPostgres, createDatabase, type DatabaseHandle } from "./create-db.js";
import { DataDirLockedError } from "./data-dir-lock.js";
import { migrateToLatest } from "./migrator.js";
import { migratedDataDir } from "../../../test/helpers.js";

const serverUrl = process.env.TEST_DATABASE_URL;
const onServer = process.env.TEST_DB === "postgres" && serverUrl !== undefined;
const IMAGE = Buffer.from("pas vraiment une image, mais des octets à retrouver");

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "portail-backup-"));
});
afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

async function fill(handle: DatabaseHandle, dataDir: string, email: string) {
  await migrateToLatest(handle.db);
  await handle.db.insertInto("users").values({ email, password_hash: "x" }).execute();
  await fs.mkdir(path.join(dataDir, "media", "ab"), { recursive: true });
  await fs.writeFile(path.join(dataDir, "media", "ab", "photo.jpg"), IMAGE);
}

async function emails(handle: DatabaseHandle): Promise<string[]> {
  return (await handle.db.selectFrom("users").select("email").execute()).map((r) => r.email);
}

describe.skipIf(onServer)("backup and restore, embedded PGlite", () => {
  let backupDir = "";
  it("round-trips the database and the media files, refuses to overwrite without --force, and moves the old data aside with it", {
    timeout: 120_000,
  }, async () => {
    const source = path.join(root, "source");
    const out = path.join(root, "sauvegardes");
    await migratedDataDir(source);
    const first = await createDatabase({ databaseUrl: null, dataDir: source });
    await fill(first, source, "sauvegarde@ville.test");

    // The server holds the folder: the backup says so instead of reading a live database.
    await expect(createBackup({ databaseUrl: null, dataDir: source }, out)).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();

    const { dir, manifest } = await createBackup({ databaseUrl: null, dataDir: source }, out, new Date("2026-12-05T21:00:00Z"));
    expect(path.basename(dir)).toBe("portail-20261205T210000Z");
    backupDir = dir;
    expect(manifest).toMatchObject({ database: "pglite", mediaFiles: 1 });
    expect(manifest.migrations.length).toBeGreaterThan(5);

    const target = path.join(root, "target");
    await restoreBackup({ databaseUrl: null, dataDir: target }, dir, { force: false });
    const restored = await createDatabase({ databaseUrl: null, dataDir: target });
    try {
      expect(await emails(restored)).toEqual(["sauvegarde@ville.test"]);
    } finally {
      await restored.close();
    }
    expect(await fs.readFile(path.join(target, "media", "ab", "photo.jpg"))).toEqual(IMAGE);

    await expect(restoreBackup({ databaseUrl: null, dataDir: target }, dir, { force: false })).rejects.toThrow(/ajoutez --force/);
    const again = await restoreBackup({ databaseUrl: null, dataDir: target }, dir, { force: true, now: new Date("2026-12-06T08:00:00Z") });
    expect(again.movedAside.map((p) => path.basename(p)).sort()).toEqual([
      "media.avant-restauration-20261206T080000Z",
      "pglite.avant-restauration-20261206T080000Z",
    ]);
  });

  it("refuses a tampered backup and one from the other kind of database", { timeout: 120_000 }, async () => {
    // A copy of the first test's backup, so the original stays intact.
    const dir = path.join(root, "copie");
    await fs.cp(backupDir, dir, { recursive: true });
    await expect(restoreBackup({ databaseUrl: "postgres://x@127.0.0.1:9/x", dataDir: path.join(root, "t2") }, dir, { force: true })).rejects.toThrow(
      /base intégrée \(PGlite\) : restaurez-la sans DATABASE_URL/,
    );
    await fs.appendFile(path.join(dir, "database.pglite.tar.gz"), "x");
    await expect(restoreBackup({ databaseUrl: null, dataDir: path.join(root, "t3") }, dir, { force: false })).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup({ databaseUrl: null, dataDir: path.join(root, "t3") }, path.join(root, "nowhere"), { force: false })).rejects.toThrow(
      /manifest\.json/,
    );
  });
});

describe("pruneBackups", () => {
  it("keeps the newest complete backups and removes leftovers of failed runs", async () => {
    const out = path.join(root, `prune-${crypto.randomBytes(3).toString("hex")}`);
    for (const name of ["portail-20261201T000000Z", "portail-20261202T000000Z", "portail-20261203T000000Z", "portail-20261204T000000Z.partial", "notes"]) {
      await fs.mkdir(path.join(out, name), { recursive: true });
    }
    const removed = await pruneBackups(out, 2);
    expect(removed.sort()).toEqual(["portail-20261201T000000Z", "portail-20261204T000000Z.partial"]);
    expect((await fs.readdir(out)).sort()).toEqual(["notes", "portail-20261202T000000Z", "portail-20261203T000000Z"]);
  });
});

describe.skipIf(!onServer)("backup and restore, PostgreSQL server (pg_dump / pg_restore)", () => {
  const names = [`portail_bk_src_${crypto.randomBytes(4).toString("hex")}`, `portail_bk_dst_${crypto.randomBytes(4).toString("hex")}`];
  const urlOf = (name: string) => {
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  beforeAll(async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    for (const n of names) await c.query(`create database ${n}`);
    await c.end();
  });
  afterAll(async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    for (const n of names) await c.query(`drop database if exists ${n} with (force)`);
    await c.end();
  });

  it("round-trips a live database and the media files into another database", { timeout: 120_000 }, async () => {
    const source = path.join(root, "pg-source");
    const src = connectPostgres(urlOf(names[0]!), 2);
    try {
      await fill(src, source, "serveur@ville.test");
      // The site keeps running during a pg_dump: the source connection stays open.
      const { dir, manifest } = await createBackup({ databaseUrl: urlOf(names[0]!), dataDir: source }, path.join(root, "pg-out"));
      expect(manifest).toMatchObject({ database: "postgres", file: "database.pgdump", mediaFiles: 1 });

      const targetDir = path.join(root, "pg-target");
      await restoreBackup({ databaseUrl: urlOf(names[1]!), dataDir: targetDir }, dir, { force: false });
      const dst = connectPostgres(urlOf(names[1]!), 2);
      try {
        expect(await emails(dst)).toEqual(["serveur@ville.test"]);
        const { applied } = await migrateToLatest(dst.db);
        expect(applied).toEqual([]); // the migration history came along
      } finally {
        await dst.close();
      }
      expect(await fs.readFile(path.join(targetDir, "media", "ab", "photo.jpg"))).toEqual(IMAGE);
      await expect(restoreBackup({ databaseUrl: urlOf(names[1]!), dataDir: targetDir }, dir, { force: false })).rejects.toThrow(/--force/);
      await restoreBackup({ databaseUrl: urlOf(names[1]!), dataDir: targetDir }, dir, { force: true });
    } finally {
      await src.close();
    }
  });
});
