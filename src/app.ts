// Builds the Fastify app from its dependencies. The server and the tests both use it.
import compress from "@fastify/compress";
import formbody from "@fastify/formbody";
import { AjvCompiler } from "@fastify/ajv-compiler";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import type { Config } from "./config.js";
import type { DB } from "./core/db/create-db.js";
import { buildAssets, registerAssetRoutes } from "./core/http/assets.js";
import { registerErrorHandling } from "./core/http/errors.js";
import { onFrameworkError, parseFormBody, registerInputGuard } from "./core/http/input-guard.js";
import { registerObservability } from "./core/http/observability.js";
import { connectCaches } from "./core/http/cache-bus.js";
import { registerLoadShedding, type LoadSheddingOptions } from "./core/http/load-shedding.js";
import { PageCache } from "./core/http/page-cache.js";
import { registerSecurityHeaders } from "./core/http/security.js";
import { fastifyTrustProxy } from "./core/http/trust-proxy.js";
import { loggerOptions, registerRequestLog, type LogStream } from "./core/logger.js";
import { createMailTransport, type Mailer, type MailTransport } from "./core/mail/mailer.js";
import { createQueuedMailer } from "./core/mail/queue.js";
import { JobSignal } from "./core/jobs/queue.js";
import { registerSession } from "./core/http/session.js";
import { registerCsrf } from "./core/http/csrf.js";
import { installPermissions } from "./core/auth/roles.js";
import type { AppDeps } from "./core/deps.js";
import { ModuleRegistry, type ModuleManifest } from "./core/module.js";
import { SiteService } from "./modules/site/index.js";
import { MODULES } from "./modules.js";
import path from "node:path";

// Route validators compiled once per process, not once per app. Fastify's default compiler
// (one ajv per instance) compiles every route schema again for each app: about 150 ms of CPU
// per app, which the test suite pays for each of its ~160 test worlds (issue #10). Many
// schemas are written inline in route files, so they are new objects in each app: they are
// shared by their JSON text (and the ajv compiler of the same shared schemas and options),
// which fixes what they accept. A server builds one app: for it nothing changes.
const ajvPool = AjvCompiler();
const compiledByCompiler = new WeakMap<object, Map<string, unknown>>();
const sharedValidators: typeof ajvPool = (externalSchemas, options) => {
  const compile = ajvPool(externalSchemas, options);
  let compiled = compiledByCompiler.get(compile);
  if (!compiled) {
    compiled = new Map();
    compiledByCompiler.set(compile, compiled);
  }
  const cache = compiled;
  return (route) => {
    const key = `${route.httpPart ?? ""} ${JSON.stringify(route.schema)}`;
    let validate = cache.get(key) as ReturnType<typeof compile> | undefined;
    if (!validate) {
      validate = compile(route);
      cache.set(key, validate);
    }
    return validate;
  };
};

export type { AppDeps };

export interface BuildAppOptions {
  config: Config;
  db: DB;
  now?: () => Date;
  pageCache?: PageCache;
  mailer?: Mailer;
  /** Thresholds past which requests are answered 503 at once (core/http/load-shedding.ts); off by default in tests. */
  loadShedding?: LoadSheddingOptions | false;
  mailTransport?: MailTransport;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: LogStream;
  /** The feature modules (src/modules.ts); a test may register a module of its own besides them. */
  modules?: readonly ModuleManifest[];
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    schemaController: { compilersFactory: { buildValidator: sharedValidators } },
    logger: loggerOptions(opts.config, opts.logStream),
    // One line per request (registerRequestLog), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: fastifyTrustProxy(opts.config.trustProxy),
    requestTimeout: 60_000,
    bodyLimit: 1024 * 1024,
    // Paths the router cannot decode get the same French 400 as other bad input (input-guard.ts).
    frameworkErrors: onFrameworkError,
    // Query strings keep one value per key: "?page=1&page=2" is rejected by the schemas.
    routerOptions: { ignoreDuplicateSlashes: false, maxParamLength: 200 },
  });

  const now = opts.now ?? (() => new Date());
  const jobSignal = new JobSignal();
  const mailTransport =
    opts.mailTransport ??
    createMailTransport({ smtpUrl: opts.config.smtpUrl, from: opts.config.mailFrom, outboxDir: path.join(opts.config.dataDir, "outbox") });
  const modules = new ModuleRegistry(opts.modules ?? MODULES);
  installPermissions(modules.permissions());
  const pageCache = opts.pageCache ?? new PageCache({ maxEntries: opts.config.pageCacheEntries });
  // A tag no module declared would never be invalidated: refuse it where it is written.
  if (opts.config.nodeEnv !== "production") pageCache.knowsTag = (tag) => modules.knowsTag(tag);
  const deps: AppDeps = {
    config: opts.config,
    db: opts.db,
    pageCache,
    site: new SiteService(opts.db),
    assets: await buildAssets(),
    mediaDir: path.join(opts.config.dataDir, "media"),
    mailer: opts.mailer ?? createQueuedMailer({ db: opts.db, now, kind: mailTransport.kind, signal: jobSignal }),
    mailTransport,
    jobSignal,
    now,
    modules,
  };
  app.decorate("deps", deps);

  await registerSecurityHeaders(app, opts.config);
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"] });
  await app.register(formbody, { parser: parseFormBody });
  registerInputGuard(app); // before every route: its onRoute hook gives ids and slugs their schema
  await registerSession(app);
  registerCsrf(app);
  // Module hooks that must see every request before the routes (the back-office guard).
  for (const m of modules.modules) if (m.setup) await m.setup(app);
  registerErrorHandling(app);
  registerAssetRoutes(app, deps.assets);
  registerRequestLog(app);
  registerObservability(app, { metricsToken: opts.config.metricsToken });
  // Several processes on one PostgreSQL server: every cache invalidation reaches them all.
  if (opts.config.databaseUrl) {
    const bus = await connectCaches({
      databaseUrl: opts.config.databaseUrl,
      db: deps.db,
      pageCache: deps.pageCache,
      site: deps.site,
      onError: (error) => app.log.warn({ err: { message: (error as Error).message } }, "cache bus"),
    });
    app.addHook("onClose", async () => bus.close());
  }
  registerLoadShedding(app, opts.loadShedding ?? (opts.config.nodeEnv === "test" ? false : {}));

  // Feature modules (src/modules.ts): public routes, back-office routes, then the catch-alls.
  for (const m of modules.modules) if (m.routes) await app.register(m.routes);
  for (const m of modules.modules) if (m.adminRoutes) await app.register(m.adminRoutes);
  for (const m of modules.modules) if (m.lastRoutes) await app.register(m.lastRoutes);

  return app;
}
