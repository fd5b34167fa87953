// Process entry: configuration, database (migrated, seeded when empty), HTTP server,
// graceful shutdown.
import cluster from "node:cluster";
import path from "node:path";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { DatabaseHandle } from "./core/db/create-db.js";
import { DataDirLockedError } from "./core/db/data-dir-lock.js";
import { openMigratedDatabase } from "./core/db/open.js";
import { startBackgroundWork } from "./jobs.js";
import { siteConfigured } from "./modules/site/index.js";

function say(message: string) {
  process.stdout.write(`[portail] ${message}\n`);
}

async function prepareDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openMigratedDatabase(config, say);
  // The demo dataset is loaded only here, and only into an empty database (no site
  // settings yet): a dynamic import keeps it off the request path and out of the
  // modules evaluated at every start.
  const seedNow = config.seedOnEmpty && !(await siteConfigured(handle.db));
  if (seedNow) {
    say("Base vide : chargement du jeu de démonstration (une seule fois)…");
    const { seedDemo, seedPerimeters } = await import("../demo/seed.js");
    await seedDemo(handle.db, { mediaDir: path.join(config.dataDir, "media"), onProgress: say });
    await seedPerimeters(handle.db, path.resolve("../shared/data"), say);
  }
  return handle;
}

/**
 * WEB_CONCURRENCY=N (PostgreSQL only): this process migrates and seeds once, then forks N
 * workers sharing the port (node:cluster) and replaces any that dies. Sessions, rate limits
 * and jobs live in the database; caches agree through NOTIFY (core/http/cache-bus.ts).
 */
async function runPrimary(config: Config) {
  say(`Démarrage (${config.nodeEnv}, ${config.webConcurrency} processus)…`);
  const handle = await prepareDatabase(config);
  await handle.close();
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < config.webConcurrency; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    say(`Processus ${worker.process.pid} arrêté (${signal ?? code}) : relancé.`);
    fork();
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} reçu, arrêt des ${Object.keys(cluster.workers ?? {}).length} processus…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        process.exit(0);
      }
    }, 50);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  if (config.webConcurrency > 1 && cluster.isPrimary) return runPrimary(config);
  if (cluster.isPrimary) say(`Démarrage (${config.nodeEnv})…`);
  // A cluster worker finds the database migrated and seeded by the primary.
  const handle = cluster.isWorker ? await openMigratedDatabase(config, () => {}) : await prepareDatabase(config);
  const app = await buildApp({ config, db: handle.db });
  // Durable jobs (scheduled publication, review notices, e-mails, digests), the period scheduler
  // of hourly tasks and the housekeeping timers (src/jobs.ts): here unless a separate
  // `npm run worker` runs them (JOBS_IN_PROCESS=false).
  const background = config.jobsInProcess
    ? startBackgroundWork(app.deps, handle.db, {
        onError: (error, what) => app.log.error({ err: error, task: what }, "background work"),
        intervalMs: config.jobsPollMs,
      })
    : null;
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const shown = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  say(`${cluster.isWorker ? `Processus ${process.pid} prêt` : "Prêt"} en ${((Date.now() - started) / 1000).toFixed(1)} s : http://${shown}:${port}/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} reçu, arrêt…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await background?.stop();
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
