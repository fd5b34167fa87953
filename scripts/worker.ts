// npm run worker: the background work in its own process (decision 0016): the durable job
// queue (publications, e-mails, digests...), the period scheduler of hourly tasks (digest
// runs) and housekeeping. Run it beside servers started with JOBS_IN_PROCESS=false; on a
// PostgreSQL server any number of workers may run (jobs are claimed with SKIP LOCKED, each
// period's job exists once). On the embedded PGlite database the server's own worker is the
// only one possible (one process per database).
import { buildApp } from "../src/app.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { DataDirLockedError } from "../src/core/db/data-dir-lock.js";
import { openMigratedDatabase } from "../src/core/db/open.js";
import { startBackgroundWork } from "../src/jobs.js";

function say(message: string) {
  process.stdout.write(`[portail worker] ${message}\n`);
}

async function main() {
  const config = loadConfig();
  const handle = await openMigratedDatabase(config, say);
  const app = await buildApp({ config, db: handle.db });
  const background = startBackgroundWork(app.deps, handle.db, {
    onError: (error, what) => app.log.error({ err: error, task: what }, "background work"),
    intervalMs: config.jobsPollMs,
    // no requests to answer here: the scheduler may look at once
    firstTickMs: 0,
  });
  say(`Prêt (pid ${process.pid}) : file de tâches, envois planifiés et entretien.`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} reçu, arrêt après la tâche en cours…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await background.stop();
      await app.close();
      await handle.close();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) process.stderr.write(`[portail worker] ${error.message}\n`);
  else process.stderr.write(`[portail worker] Échec du démarrage : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
