// npm run import -- <qpv|quartiers|indicators|actions> <file> [--dry-run]
// Reads the file, opens the configured database (migrating it, like the other scripts) and
// runs one import. Exit code 1 when the arguments or the file are wrong, with every error on
// stderr; the summary goes to stdout. The logic lives in src/modules/policy/import.
import fs from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { openMigratedDatabase } from "../src/core/db/open.js";
import { runImport } from "../src/modules/policy/import/index.js";
import { createProgress, decodeFile, formatErrors, formatSummary, parseImportArgs } from "../src/modules/policy/import/cli.js";

const args = parseImportArgs(process.argv.slice(2));
if (!args.ok) {
  (args.help ? process.stdout : process.stderr).write(`${args.message}\n`);
  process.exit(args.help ? 0 : 1);
}

let bytes: Uint8Array;
try {
  bytes = await fs.readFile(args.file);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  process.stderr.write(code === "ENOENT" ? `Fichier introuvable : ${args.file}\n` : `Impossible de lire ${args.file} : ${String(error)}\n`);
  process.exit(1);
}
const decoded = decodeFile(bytes);
if ("error" in decoded) {
  process.stderr.write(`${decoded.error}\n`);
  process.exit(1);
}

const config = loadConfig();
// Database messages go to stderr: stdout carries only the summary, for scripts that read it.
const handle = await openMigratedDatabase(config, (m) => process.stderr.write(`${m}\n`));
const progress = createProgress(process.stderr);
try {
  const fileName = path.basename(args.file);
  const report = await runImport(handle.db, args.kind, decoded.text, {
    dryRun: args.dryRun,
    sourceName: fileName,
    onProgress: (p) => progress.update(p),
  });
  progress.finish();
  if (report.errors.length > 0) {
    process.stderr.write(`${formatErrors(report)}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${formatSummary(report, fileName)}\n`);
  }
} finally {
  progress.finish();
  await handle.close();
}
