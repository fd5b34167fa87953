// Runs once before the PGlite test files: a migrated PGlite database dumped as a tarball
// that each test file loads (test/helpers.ts), so a file starts from its own copy in about a
// second instead of running initdb and every migration again. The tarball is kept in
// node_modules/.cache, named after a hash of what shapes it (the migration files, the PGlite
// version, the way create-db opens it): the next run reuses it, and any change to those
// makes a new one.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openPGlite, wrapPGlite } from "../src/core/db/create-db.js";
import { migrateToLatest, migrationFiles } from "../src/core/db/migrator.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = path.join(root, "node_modules", ".cache", "portail-test");

async function templateKey(): Promise<string> {
  const h = crypto.createHash("sha256");
  h.update(await fs.readFile(path.join(root, "node_modules/@electric-sql/pglite/package.json")));
  h.update(await fs.readFile(path.join(root, "src/core/db/create-db.ts")));
  const files = await migrationFiles();
  for (const name of [...files.keys()].sort()) {
    h.update(`\0${name}\0`);
    h.update(await fs.readFile(files.get(name)!));
  }
  return h.digest("hex").slice(0, 16);
}

export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const file = path.join(cacheDir, `pglite-template-${await templateKey()}.tar`);
  const exists = await fs.stat(file).then(
    (s) => s.size > 0,
    () => false,
  );
  if (!exists) {
    const client = await openPGlite(undefined);
    await migrateToLatest(wrapPGlite(client).db);
    const dump = await client.dumpDataDir("none");
    await client.close();
    await fs.mkdir(cacheDir, { recursive: true });
    // written aside then renamed: a concurrent run never reads half a file
    const partial = `${file}.${process.pid}.partial`;
    await fs.writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(partial, file);
    // Older templates (other migrations) are of no further use, once no run can still be
    // reading them: another checkout state (a branch, a migration being written) may be
    // running tests from its own template right now.
    const hourAgo = Date.now() - 3_600_000;
    for (const old of await fs.readdir(cacheDir)) {
      const other = path.join(cacheDir, old);
      if (!old.startsWith("pglite-template-") || !old.endsWith(".tar") || other === file) continue;
      const stale = await fs.stat(other).then(
        (s) => s.mtimeMs < hourAgo,
        () => false,
      );
      if (stale) await fs.rm(other, { force: true });
    }
  }
  provide("pgliteTemplate", file);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** Name of the migrated template database on the TEST_DATABASE_URL server (postgres project). */
    postgresTemplate: string;
  }
}
