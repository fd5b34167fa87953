// Process entry: configuration, database (migrated, seeded when empty), HTTP server,
// graceful shutdown.
import path from "node:path";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirLockedError } from "./core/db/data-dir-lock.js";
import { openMigratedDatabase } from "./core/db/open.js";
import { isSeeded, seedDemo, seedPerimeters } from "./seed/seed.js";
import { startWorker } from "./core/jobs/queue.js";
import { runMaintenance } from "./core/maintenance.js";
import { sweepMediaFiles } from "./modules/media/index.js";
import { allJobHandlers } from "./jobs.js";

function say(message: string) {
  process.stdout.write(`[portail] ${message}\n`);
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  say(`Démarrage (${config.nodeEnv})…`);
  const handle = await openMigratedDatabase(config, say);
  if (config.seedOnEmpty && !(await isSeeded(handle.db))) {
    say("Base vide : chargement du jeu de démonstration (une seule fois)…");
    await seedDemo(handle.db, { mediaDir: path.join(config.dataDir, "media"), onProgress: say });
    await seedPerimeters(handle.db, path.resolve("../shared/data"), say);
  }
  const app = await buildApp({ config, db: handle.db });
  // Durable jobs (scheduled publication, review notices, e-mails): polled every 15 s, so an item goes
  // live within a minute of its time, also after a restart; woken at once when an e-mail is queued.
  const worker = startWorker({
    db: handle.db,
    // Every kind: publication, review notices, e-mails (woken at once when one is queued).
    handlers: allJobHandlers(app.deps),
    signal: app.deps.jobSignal,
    now: () => new Date(),
    onError: (error) => app.log.error({ err: error }, "job worker"),
  });
  // Retention promised on the privacy page: purge expired sessions, links and counters.
  const housekeeping = async () => {
    try {
      await runMaintenance(handle.db, new Date());
      await sweepMediaFiles(handle.db, app.deps.mediaDir, new Date());
    } catch (error) {
      app.log.error({ err: error }, "maintenance");
    }
  };
  void housekeeping();
  const maintenance = setInterval(() => void housekeeping(), 3600_000);
  maintenance.unref();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const shown = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  say(`Prêt en ${((Date.now() - started) / 1000).toFixed(1)} s : http://${shown}:${port}/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} reçu, arrêt…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      clearInterval(maintenance);
      await worker.stop();
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
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`[portail] ${error.message}\n`);
  } else {
    process.stderr.write(`[portail] Échec du démarrage : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
