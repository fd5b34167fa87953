// npm run backup -- [--dir ./sauvegardes] [--keep 14]
// Saves the database (PGlite data folder, or pg_dump of the PostgreSQL server) and the media
// files into <dir>/portail-<UTC time>/, then keeps only the `keep` newest backups.
// See docs/deploy.md ("Sauvegardes") for schedule and retention.
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { createBackup, pruneBackups } from "../src/core/db/backup.js";

const { values } = parseArgs({ options: { dir: { type: "string", default: "./sauvegardes" }, keep: { type: "string", default: "14" } } });
const keep = Number(values.keep);
if (!Number.isInteger(keep) || keep < 1) {
  process.stderr.write("--keep doit être un entier positif (nombre de sauvegardes conservées).\n");
  process.exit(2);
}
try {
  const config = loadConfig();
  const { dir, manifest } = await createBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, values.dir!);
  process.stdout.write(
    `Sauvegarde ${manifest.database} écrite dans ${dir} (${manifest.migrations.length} migrations, ${manifest.mediaFiles} fichiers média).\n`,
  );
  const removed = await pruneBackups(values.dir!, keep);
  if (removed.length > 0) process.stdout.write(`Anciennes sauvegardes supprimées (conservation : ${keep}) : ${removed.join(", ")}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
