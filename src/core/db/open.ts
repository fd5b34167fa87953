// Opens, migrates and (on an empty database) seeds: shared by the server and the scripts.
import path from "node:path";
import type { Config } from "../../config.js";
import { createDatabase, type DatabaseHandle } from "./create-db.js";
import { migrateToLatest } from "./migrator.js";

export async function openMigratedDatabase(config: Config, log: (m: string) => void): Promise<DatabaseHandle> {
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite (${path.join(config.dataDir, "pglite")})`;
  log(`Base de données : ${where}`);
  const handle = await createDatabase(config);
  const { applied } = await migrateToLatest(handle.db);
  log(applied.length > 0 ? `Migrations appliquées : ${applied.join(", ")}` : "Schéma à jour.");
  return handle;
}
