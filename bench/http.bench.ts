// HTTP benchmark of the production server, as a visitor's browser meets it.
//
//   npm run bench                        PGlite (and PostgreSQL too when BENCH_DATABASE_URL is set)
//   npm run bench -- --seconds 10 --connections 50
//   npm run bench -- --scale              each database twice: the demo, then the demo plus a
//                                         generated 100,000 items, 100,000 accounts and
//                                         1,000,000 favourites (issue #12's scale target), with
//                                         each scenario's ratio to the demo-size run
//   npm run bench -- --scale --skip-normal  the large dataset only
//
// It builds the production bundle, seeds the demo into a fresh database, starts
// `node dist/server.js` (NODE_ENV=production) as a separate process, and drives it over
// loopback with autocannon from another process. Where `taskset` exists the server runs
// on CPU 0 and the load generator on CPU 1. Every scenario is then replayed against a bare
// node:http server sending the very same bytes from a Buffer, pinned the same way, in the
// same run: the ratio app / bare is the figure to compare across machines and runs.
// Results are printed and written to bench/RESULTS.md. Never part of `npm test`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "../scripts/build.js";
import { createSession } from "../src/core/auth/sessions.js";
import { connectPostgres, createDatabase, type DatabaseHandle } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";
import { seedDemo } from "../demo/seed.js";
import {
  createBenchResident,
  freePort,
  generateScaleData,
  pin,
  pinned,
  prependResults,
  productionServerEnv,
  type ScaleSize,
  waitFor,
  withScratchDatabase,
} from "./support.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    scale: { type: "boolean", default: false },
    "skip-normal": { type: "boolean", default: false },
    "skip-pglite": { type: "boolean", default: false },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
/** Distinct visitors the requests come from (the API and sign-in rate limits count per address). */
const VISITORS = 5000;
/** The large dataset of --scale, added on top of the demo. */
const SCALE: ScaleSize = { items: 100_000, accounts: 100_000, favourites: 1_000_000 };
/** Favourites of the signed-in scenario's resident in the large dataset (10 in the demo). */
const SCALE_RESIDENT_FAVOURITES = 300;
/** Articles the "a different article each request" scenario goes through (argv holds their paths). */
const ROTATING_ARTICLES = 2000;
interface Scenario {
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  uniqueQuery?: boolean;
  /** Paths the requests go through in turn (load.ts), instead of `path` every time. */
  paths?: string[];
  /** Measured on a server started with PAGE_CACHE_ENTRIES=0: every request renders the page. */
  pageCacheOff?: boolean;
}

interface LoadResult {
  /** Every response per second, 503s of the load shedding included (autocannon's average). */
  rps: number;
  /** Responses with a 2xx status. */
  ok: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function load(url: string, s: Scenario): LoadResult {
  const spec = {
    url,
    connections: CONNECTIONS,
    seconds: SECONDS,
    method: s.method,
    headers: s.headers,
    body: s.body,
    uniqueQuery: s.uniqueQuery,
    paths: s.paths,
    clients: VISITORS,
  };
  const [cmd, argv] = pin(1, [process.execPath, "--import", "tsx", path.join(ROOT, "bench/load.ts"), JSON.stringify(spec)]);
  const run = spawnSync(cmd, argv, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`load generator failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout.trim().split("\n").pop()!) as LoadResult;
  // Answered requests only: a 503 from the load shedding is fast and would flatter the figure.
  return { ...r, rps: r.ok / r.seconds };
}

async function baselineFor(body: Buffer, contentType: string, s: Scenario): Promise<LoadResult> {
  const file = path.join(os.tmpdir(), `portail-bench-body-${process.pid}`);
  await fs.writeFile(file, body);
  const port = await freePort();
  const [cmd, argv] = pin(0, [process.execPath, "--import", "tsx", path.join(ROOT, "bench/baseline.ts"), String(port), file, contentType]);
  const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  try {
    await waitFor(child, /ready/, "baseline");
    return load(`http://127.0.0.1:${port}${s.path}`, { ...s, uniqueQuery: false });
  } finally {
    child.kill("SIGKILL");
  }
}

async function prepare(handle: DatabaseHandle, dataDir: string, scale: boolean) {
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { mediaDir: path.join(dataDir, "media") });
  const db = handle.db;
  // The demo's newest article, chosen before any generated item: the same page at both sizes.
  const article = await db
    .selectFrom("content_items")
    .select(["id", "path"])
    .where("kind", "=", "article")
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .executeTakeFirstOrThrow();
  if (scale) await generateScaleData(db, SCALE);
  // Published articles to go through one after the other: more than the article views a server
  // keeps in memory (content/cached.ts, 500) once the large dataset is there.
  const articlePaths = (
    await db
      .selectFrom("content_items")
      .select("path")
      .where("kind", "=", "article")
      .where("status", "=", "published")
      .where("published_at", "<=", new Date())
      .orderBy("id", "desc")
      .limit(ROTATING_ARTICLES)
      .execute()
  ).map((r) => r.path);
  // A resident with interests and favourites, and an administrator, each with a session.
  const residentSession = await createBenchResident(db, {
    email: "habitante@bench.test",
    favourites: scale ? SCALE_RESIDENT_FAVOURITES : 10,
    exceptId: article.id,
  });
  const admin = await db
    .insertInto("users")
    .values({ email: "admin@bench.test", password_hash: "x", role: "admin", email_verified_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    article,
    articlePaths,
    residentSession,
    adminSession: await createSession(db, admin.id, "bench", new Date()),
  };
}

interface RunResult {
  rows: string[];
  /** Per scenario: req/s as a ratio to the bare server of the same run. */
  ratios: Map<string, number>;
}

async function runOn(kind: "pglite" | "postgres", databaseUrl: string | null, scale: boolean): Promise<RunResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-bench-"));
  const handle = databaseUrl ? connectPostgres(databaseUrl, 2, { statementMs: 0 }) : await createDatabase({ databaseUrl: null, dataDir });
  const label = scale ? `${kind}, large` : kind;
  process.stdout.write(`[bench] ${label}: seeding the demo${scale ? " and generating the large dataset" : ""}…\n`);
  const started = Date.now();
  const { article, articlePaths, residentSession, adminSession } = await prepare(handle, dataDir, scale);
  await handle.close();
  const prepared = `${((Date.now() - started) / 1000).toFixed(0)} s`;

  /** Starts `node dist/server.js` on this run's database, with more environment variables. */
  const startServer = async (extra: Record<string, string> = {}) => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...productionServerEnv({ port, dataDir, databaseUrl }),
      // The load generator speaks for many visitors (X-Forwarded-For, load.ts `clients`).
      TRUST_PROXY: "loopback",
      ...extra,
    };
    delete env.LOG_LEVEL; // production's default (info)
    const [cmd, argv] = pin(0, [process.execPath, path.join(ROOT, "dist/server.js")]);
    const server = spawn(cmd, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    await waitFor(server, /Prêt en/, "server");
    server.stdout?.resume();
    server.stderr?.resume();
    return { server, base: `http://127.0.0.1:${port}` };
  };
  /** SIGTERM, then waits for the exit: PGlite's data folder serves one process at a time. */
  const stopServer = (server: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve();
      const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
      server.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      server.kill("SIGTERM");
    });

  const rows: string[] = [];
  const ratios = new Map<string, number>();
  try {
    const main = await startServer();
    const base = main.base;
    const resident = { cookie: `portail_session=${residentSession.token}` };
    const admin = { cookie: `portail_session=${adminSession.token}` };
    const favouriteBody = new URLSearchParams({ _csrf: residentSession.csrfToken, contenu: String(article.id), action: "ajouter" }).toString();

    const scenarios: Scenario[] = [
      { name: "article, from the page cache", path: article.path },
      { name: "home, from the page cache", path: "/" },
      // The same article, every request rendered. It used to append ?n=<counter> to miss the
      // cache, but the cache key now keeps only the query parameters a route reads (issue #12,
      // decision record 0003), and the article route reads none: every request would be a hit.
      // So this scenario runs against a second server, started with PAGE_CACHE_ENTRIES=0 on the
      // same database once the first has stopped: each request renders the page and goes
      // through the cache's store as a real miss does (the page is dropped at once). Since the
      // article's view (its data) is kept in memory with its cache tags (content/cached.ts),
      // this measures the render of a page whose data did not change.
      { name: "article, rendered (cache miss)", path: article.path, pageCacheOff: true },
      // Page cache off and a different article each time, in turn through up to 2,000: with the
      // large dataset, more than the views kept in memory, so each render reads its article
      // from the database ("Lire aussi" included); with the demo's few articles they are soon
      // all in memory.
      { name: "articles in turn, rendered (page cache off)", path: articlePaths[0]!, paths: articlePaths, pageCacheOff: true },
      { name: "/politique-de-la-ville", path: "/politique-de-la-ville" },
      { name: "search", path: "/recherche?q=emploi" },
      { name: "/api/v1/actions", path: "/api/v1/actions" },
      { name: "sign-in form", path: "/compte/connexion" },
      { name: "home signed in (interests, favourites)", path: "/", headers: resident },
      // Never from the page cache: the frame is personal, the article's view comes from memory.
      { name: "article signed in", path: article.path, headers: resident },
      {
        name: "favourite toggle (JSON)",
        path: "/compte/favoris",
        method: "POST",
        headers: { ...resident, "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: base },
        body: favouriteBody,
      },
      { name: "back office: content list", path: "/admin/contenus", headers: admin },
    ];

    const measure = async (serverBase: string, s: Scenario) => {
      // One request first: warms the page cache and gives the bytes the bare server will send.
      const first = await fetch(serverBase + s.path, { method: s.method ?? "GET", headers: s.headers, body: s.body, redirect: "manual" });
      const body = Buffer.from(await first.arrayBuffer());
      if (first.status >= 400) throw new Error(`${s.name}: ${first.status} ${body.toString().slice(0, 300)}`);
      if (s.pageCacheOff) {
        const again = await fetch(serverBase + s.path, { headers: s.headers });
        await again.arrayBuffer();
        if (again.status !== 200 || again.headers.get("x-cache") !== "miss")
          throw new Error(`${s.name}: expected a rendered page, got ${again.status} x-cache=${again.headers.get("x-cache")}`);
      }
      const app = load(serverBase + s.path, s);
      const bare = await baselineFor(body, first.headers.get("content-type") ?? "text/html", s);
      const ratio = app.rps / bare.rps;
      ratios.set(s.name, ratio);
      return `| ${label} | ${s.name} | ${Math.round(app.rps)} | ${ratio.toFixed(3)} | ${app.p50} / ${app.p99} ms | ${app.errors + app.non2xx} | ${Math.round(bare.rps)} |`;
    };

    if (scale)
      rows.push(
        `| ${label} | (demo + ${SCALE.items.toLocaleString("en")} items, ${SCALE.accounts.toLocaleString("en")} accounts, ${SCALE.favourites.toLocaleString("en")} favourites; resident with ${SCALE_RESIDENT_FAVOURITES} favourites; prepared in ${prepared}) | | | | | |`,
      );
    /** Scenarios for the server without page cache, and the row each one fills in. */
    const later: { s: Scenario; row: number }[] = [];
    try {
      for (const s of scenarios) {
        if (s.pageCacheOff) {
          later.push({ s, row: rows.length });
          rows.push("");
          continue;
        }
        rows.push(await measure(base, s));
        process.stdout.write(`${rows[rows.length - 1]}\n`);
      }
      const rssMb = async () => {
        const status = await fs.readFile(`/proc/${main.server.pid}/status`, "utf8").catch(() => "");
        return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      };
      const atOnce = await rssMb();
      // Again after a few idle seconds: V8 gives back heap it held for the load but no longer uses.
      await new Promise((r) => setTimeout(r, 5000));
      rows.push(`| ${label} | server RSS after the run (at once / after 5 s idle) | ${atOnce} / ${await rssMb()} MB | | | | |`);
      process.stdout.write(`${rows[rows.length - 1]}\n`);
    } finally {
      await stopServer(main.server);
    }
    if (later.length > 0) {
      const uncached = await startServer({ PAGE_CACHE_ENTRIES: "0" });
      try {
        for (const { s, row } of later) {
          rows[row] = await measure(uncached.base, s);
          process.stdout.write(`${rows[row]}\n`);
        }
      } finally {
        await stopServer(uncached.server);
      }
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  return { rows, ratios };
}

/** Rows comparing the large run to the demo-size run: ratio to bare (large) / ratio to bare (demo). */
function scaleRows(kind: string, normal: RunResult, large: RunResult): string[] {
  return [...large.ratios].flatMap(([name, ratio]) => {
    const base = normal.ratios.get(name);
    return base ? [`| ${kind}, large / demo | ${name} | | ${(ratio / base).toFixed(2)} | | | |`] : [];
  });
}

/** The demo-size run, the large one, or both and their comparison, on one database. */
async function runSizes(kind: "pglite" | "postgres", run: (scale: boolean) => Promise<RunResult>): Promise<string[]> {
  const normal = args.scale && args["skip-normal"] ? null : await run(false);
  if (!args.scale) return normal?.rows ?? [];
  const large = await run(true);
  return [...(normal?.rows ?? []), ...large.rows, ...(normal ? scaleRows(kind, normal, large) : [])];
}

process.stdout.write("[bench] building the production server…\n");
await build();
const header = [
  `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `${pinned ? "server on CPU 0, load generator on CPU 1 (taskset)" : "not pinned (no taskset)"}; ${CONNECTIONS} connections, ${SECONDS} s per run.`,
  `Command: \`npm run bench -- ${process.argv.slice(2).join(" ") || `--seconds ${SECONDS} --connections ${CONNECTIONS}`}\`` +
    (args.scale ? `; "large / demo": the scenario's ratio to the bare server on the large dataset divided by the same on the demo (target: at least 0.5)` : ""),
  "",
  "| database | scenario | req/s (2xx) | ratio to bare node:http | p50 / p99 | errors + non-2xx | bare req/s |",
  "|---|---|---|---|---|---|---|",
];
process.stdout.write(`${header.join("\n")}\n`);
const rows = args["skip-pglite"] ? [] : await runSizes("pglite", (scale) => runOn("pglite", null, scale));
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (pgUrl)
  rows.push(
    ...(await runSizes("postgres", (scale) =>
      withScratchDatabase(pgUrl, scale ? "portail_bench_large" : "portail_bench", (url) => runOn("postgres", url, scale)),
    )),
  );
await prependResults([...header, ...rows]);
