// Runs the raw-SQL migrations, in file-name order (timestamps), each in its own transaction.
// Fails loudly: a failed migration throws and stops the boot. Core's migrations are in
// src/core/db/migrations; a module ships its own in src/modules/<name>/migrations, so adding
// a module touches only its folder. The build copies them all into dist/migrations.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = path.join(HERE, "migrations");
/** From source: src/core/db -> src/modules. From dist/ there is none (the build copied them). */
const MODULES_DIR = path.join(HERE, "..", "..", "modules");

/** Every migration file, core's and the modules', by name; two files of the same name are an error. */
export async function migrationFiles(): Promise<Map<string, string>> {
  const dirs = [MIGRATIONS_DIR];
  const modules = await fs.readdir(MODULES_DIR, { withFileTypes: true }).catch(() => []);
  for (const m of modules) if (m.isDirectory()) dirs.push(path.join(MODULES_DIR, m.name, "migrations"));
  const files = new Map<string, string>();
  for (const dir of dirs) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((f) => f.endsWith(".sql"))) {
      if (files.has(name)) throw new Error(`Two migrations named ${name}: ${files.get(name)} and ${path.join(dir, name)}`);
      files.set(name, path.join(dir, name));
    }
  }
  return files;
}

class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const all = await migrationFiles();
    const migrations: Record<string, Migration> = {};
    for (const file of [...all.keys()].sort()) {
      const text = await fs.readFile(all.get(file)!, "utf8");
      migrations[file.replace(/\.sql$/, "")] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` "${failed.migrationName}"` : "";
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration${name} failed: ${cause}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

/** Names of the migration files not yet applied to this database (readiness check). */
export async function pendingMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
