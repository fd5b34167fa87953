// npm run restore -- <backup folder> [--force]
// Restores a backup made by `npm run backup` into the configured database and DATA_DIR/media.
// Refuses to replace existing data without --force; with it, the current PGlite folder and
// media are moved aside (never deleted). Start the server afterwards: it applies any newer
// migrations.
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { restoreBackup } from "../src/core/db/backup.js";

const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
const from = positionals[0];
if (!from || positionals.length > 1) {
  process.stderr.write("Usage : npm run restore -- <dossier de sauvegarde> [--force]\n");
  process.exit(2);
}
try {
  const config = loadConfig();
  const report = await restoreBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, from, { force: values.force ?? false });
  process.stdout.write(`Sauvegarde du ${report.manifest.createdAt} restaurée (${report.manifest.database}, ${report.manifest.mediaFiles} fichiers média).\n`);
  for (const p of report.movedAside) process.stdout.write(`Ancienne version mise de côté : ${p}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
