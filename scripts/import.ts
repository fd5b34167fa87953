// npm run import -- <qpv|quartiers|indicators|actions> <file> [--dry-run]
// Reads the file, opens the configured database (migrating it, like the other scripts) and
// runs one import. Exit code 1 when the arguments or the file are wrong, with every error on
// stderr; the summary goes to stdout. The logic lives in src/modules/policy/import.
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../src/config.js";
import type { DatabaseHandle } from "../src/core/db/create-db.js";
import { openMigratedDatabase } from "../src/core/db/open.js";
import { runImport } from "../src/modules/policy/import/index.js";
import { createProgress, decodeFile, formatErrors, formatSummary, parseImportArgs, type ProgressStream } from "../src/modules/policy/import/cli.js";

/** What the command reads and writes: the real process, or a test's streams (see main). */
export interface ImportIo {
  stdout: { write(text: string): unknown };
  /** Errors, database messages and the progress bar (drawn in place on a terminal). */
  stderr: ProgressStream;
  env: NodeJS.ProcessEnv;
  /** Opens the database; by default the one `env` configures, migrated (what `npm run` does). */
  openDatabase?: () => Promise<DatabaseHandle>;
}

/** The whole command, returning the exit code (0 done or simulated, 1 anything wrong). Tests call it in-process. */
export async function main(argv: string[], io: ImportIo): Promise<number> {
  const args = parseImportArgs(argv);
  if (!args.ok) {
    (args.help ? io.stdout : io.stderr).write(`${args.message}\n`);
    return args.help ? 0 : 1;
  }

  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(args.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(code === "ENOENT" ? `Fichier introuvable : ${args.file}\n` : `Impossible de lire ${args.file} : ${String(error)}\n`);
    return 1;
  }
  const decoded = decodeFile(bytes);
  if ("error" in decoded) {
    io.stderr.write(`${decoded.error}\n`);
    return 1;
  }

  // Database messages go to stderr: stdout carries only the summary, for scripts that read it.
  const handle = await (io.openDatabase ?? (() => openMigratedDatabase(loadConfig(io.env), (m) => io.stderr.write(`${m}\n`))))();
  const progress = createProgress(io.stderr);
  try {
    const fileName = path.basename(args.file);
    const report = await runImport(handle.db, args.kind, decoded.text, {
      dryRun: args.dryRun,
      sourceName: fileName,
      onProgress: (p) => progress.update(p),
    });
    progress.finish();
    if (report.errors.length > 0) {
      io.stderr.write(`${formatErrors(report)}\n`);
      return 1;
    }
    io.stdout.write(`${formatSummary(report, fileName)}\n`);
    return 0;
  } finally {
    progress.finish();
    await handle.close();
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(entry).href === import.meta.url;
}

if (isMain()) {
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
