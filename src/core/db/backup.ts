// Backups of the database and the media files, for both modes:
//  - embedded PGlite: a gzipped tarball of its data folder (PGlite's own dumpDataDir),
//    taken under the data-folder lock, so the server must be stopped (it says so);
//  - PostgreSQL server: pg_dump's custom format (consistent snapshot while the site runs),
//    restored with pg_restore.
// A backup is a folder `portail-<UTC time>` holding the database file, a copy of `media/`
// and `manifest.json` (kind, migrations, checksum). It is written as `.partial` and renamed
// at the very end, so a folder without that suffix is always complete. Restoring never
// deletes what it replaces: the current data folder and media are moved aside.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { connectPostgres, createDatabase, pgliteExtensions, type DatabaseHandle } from "./create-db.js";
import { lockDataDir } from "./data-dir-lock.js";

export interface BackupTarget {
  databaseUrl: string | null;
  dataDir: string;
}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: "pglite" | "postgres";
  file: string;
  sha256: string;
  migrations: string[];
  mediaFiles: number;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const MANIFEST = "manifest.json";
const PREFIX = "portail-";

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function countFiles(dir: string): Promise<number> {
  try {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** pg_dump and pg_restore get the password through the environment, never on the command line (visible in ps). */
function pgCommandArgs(databaseUrl: string): { uri: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = "";
  return { uri: u.toString(), env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(new BackupError(e.code === "ENOENT" ? `${command} est introuvable : installez le client PostgreSQL (paquet postgresql-client).` : e.message)),
    );
    child.on("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} a échoué (code ${code}) : ${stderr.trim().slice(0, 2000)}`))));
  });
}

async function appliedMigrations(handle: DatabaseHandle): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
  return rows.rows.map((r) => r.name);
}

export async function createBackup(target: BackupTarget, outDir: string, now = new Date()): Promise<{ dir: string; manifest: BackupManifest }> {
  await fs.mkdir(outDir, { recursive: true });
  const finalDir = path.join(path.resolve(outDir), `${PREFIX}${stamp(now)}`);
  if (await exists(finalDir)) throw new BackupError(`La sauvegarde ${finalDir} existe déjà.`);
  const work = `${finalDir}.partial`;
  await fs.rm(work, { recursive: true, force: true });
  await fs.mkdir(work);
  try {
    let manifest: BackupManifest;
    if (target.databaseUrl) {
      const file = "database.pgdump";
      const handle = connectPostgres(target.databaseUrl, 1);
      let migrations: string[];
      try {
        migrations = await appliedMigrations(handle);
      } finally {
        await handle.close();
      }
      const { uri, env } = pgCommandArgs(target.databaseUrl);
      await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", path.join(work, file), "--dbname", uri], env);
      manifest = {
        format: 1,
        createdAt: now.toISOString(),
        database: "postgres",
        file,
        sha256: await sha256(path.join(work, file)),
        migrations,
        mediaFiles: 0,
      };
    } else {
      const file = "database.pglite.tar.gz";
      // Takes the data-folder lock: refused with a clear message while the server runs.
      const handle = await createDatabase({ databaseUrl: null, dataDir: target.dataDir });
      try {
        const migrations = await appliedMigrations(handle);
        const dump = await handle.pglite!.dumpDataDir("gzip");
        await fs.writeFile(path.join(work, file), Buffer.from(await dump.arrayBuffer()));
        manifest = {
          format: 1,
          createdAt: now.toISOString(),
          database: "pglite",
          file,
          sha256: await sha256(path.join(work, file)),
          migrations,
          mediaFiles: 0,
        };
      } finally {
        await handle.close();
      }
    }
    const media = path.join(target.dataDir, "media");
    if (await exists(media)) await fs.cp(media, path.join(work, "media"), { recursive: true });
    manifest.mediaFiles = await countFiles(path.join(work, "media"));
    await fs.writeFile(path.join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await fs.rename(work, finalDir);
    return { dir: finalDir, manifest };
  } catch (error) {
    await fs.rm(work, { recursive: true, force: true });
    throw error;
  }
}

/** Keeps the `keep` newest complete backups in `outDir`; removes older ones and leftovers of failed runs. */
export async function pruneBackups(outDir: string, keep: number): Promise<string[]> {
  const names = (await fs.readdir(outDir).catch(() => [] as string[])).filter((n) => n.startsWith(PREFIX));
  const complete = names.filter((n) => !n.endsWith(".partial")).sort();
  const doomed = [...complete.slice(0, Math.max(0, complete.length - keep)), ...names.filter((n) => n.endsWith(".partial"))];
  for (const name of doomed) await fs.rm(path.join(outDir, name), { recursive: true, force: true });
  return doomed;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(dir, MANIFEST), "utf8")) as BackupManifest;
  } catch {
    throw new BackupError(`${dir} n’est pas une sauvegarde complète de Portail (manifest.json absent ou illisible).`);
  }
  if (manifest.format !== 1 || !["pglite", "postgres"].includes(manifest.database) || typeof manifest.file !== "string" || manifest.file.includes("/")) {
    throw new BackupError(`${dir}/manifest.json n’est pas reconnu.`);
  }
  const actual = await sha256(path.join(dir, manifest.file)).catch(() => "");
  if (actual !== manifest.sha256) throw new BackupError(`Le fichier ${manifest.file} de la sauvegarde est absent ou altéré (somme de contrôle différente).`);
  return manifest;
}

/** Moves `p` aside (never deletes it) and returns where it went, or null when there was nothing. */
async function moveAside(p: string, now: Date): Promise<string | null> {
  if (!(await exists(p))) return null;
  const aside = `${p}.avant-restauration-${stamp(now)}`;
  await fs.rename(p, aside);
  return aside;
}

export interface RestoreReport {
  movedAside: string[];
  manifest: BackupManifest;
}

export async function restoreBackup(target: BackupTarget, from: string, opts: { force: boolean; now?: Date }): Promise<RestoreReport> {
  const now = opts.now ?? new Date();
  const manifest = await readManifest(from);
  const movedAside: string[] = [];
  const wanted = target.databaseUrl ? "postgres" : "pglite";
  if (manifest.database !== wanted) {
    throw new BackupError(
      manifest.database === "pglite"
        ? "Cette sauvegarde vient de la base intégrée (PGlite) : restaurez-la sans DATABASE_URL."
        : "Cette sauvegarde vient d’un serveur PostgreSQL : restaurez-la avec DATABASE_URL.",
    );
  }
  await fs.mkdir(target.dataDir, { recursive: true });
  if (target.databaseUrl) {
    const handle = connectPostgres(target.databaseUrl, 1);
    try {
      const has = await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'users'`.execute(handle.db);
      if ((has.rows[0]?.n ?? 0) > 0 && !opts.force) {
        throw new BackupError("La base de destination contient déjà des tables Portail : ajoutez --force pour la remplacer par la sauvegarde.");
      }
    } finally {
      await handle.close();
    }
    const { uri, env } = pgCommandArgs(target.databaseUrl);
    await run(
      "pg_restore",
      ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname", uri, path.join(from, manifest.file)],
      env,
    );
  } else {
    // The lock proves no server has the folder open while it is replaced.
    const release = await lockDataDir(path.join(target.dataDir, "pglite.lock"));
    try {
      const dataPath = path.join(target.dataDir, "pglite");
      if ((await exists(dataPath)) && !opts.force) {
        throw new BackupError(`${dataPath} existe déjà : ajoutez --force pour la remplacer (elle sera mise de côté, pas supprimée).`);
      }
      const aside = await moveAside(dataPath, now);
      if (aside) movedAside.push(aside);
      const tarball = new Blob([await fs.readFile(path.join(from, manifest.file))]);
      const client = await PGlite.create({ dataDir: dataPath, loadDataDir: tarball, extensions: pgliteExtensions });
      await client.close();
    } finally {
      await release();
    }
  }
  const media = path.join(target.dataDir, "media");
  if (await exists(path.join(from, "media"))) {
    const aside = await moveAside(media, now);
    if (aside) movedAside.push(aside);
    await fs.cp(path.join(from, "media"), media, { recursive: true });
  }
  return { movedAside, manifest };
}
