// Site search benchmark (issue #13): search latency over HTTP on a generated corpus of 20,000
// and then 100,000 items, next to a plain indexed lookup measured in the same run.
//
//   npm run bench:search                      PGlite (and PostgreSQL too when BENCH_DATABASE_URL is set)
//   npm run bench:search -- --requests 40     requests per search query (default 40)
//   npm run bench:search -- --no-build        run the server already built in dist/
//   npm run bench:search -- --skip-pglite     PostgreSQL only (with BENCH_DATABASE_URL)
//
// It builds the production bundle, creates a fresh database (migrations, a site, themes,
// quartiers), generates the corpus with SQL generate_series from French words of municipal
// news (the search triggers index it in the same statements, as they would an import), starts
// `node dist/server.js` (NODE_ENV=production) as a separate process and sends requests one
// at a time (latency, not throughput), over keep-alive, from this process. Where `taskset`
// exists the server runs on CPU 0 and this process on CPU 1.
//
// Each request of a search query varies the letter case of `q` (same results, a key the
// results cache has not seen): the rows measure the search's statements, as for a query not
// asked in the last minute; one more row repeats the same URL (answered from the cache).
//
// Measured: p50/p95 of /recherche for a mix of queries (one common word, two words, a rare
// word, a phrase, an exclusion, filters, a typo answered with a suggestion), and of a plain
// indexed lookup: an article by slug from the content API, a different one each time (no
// cache). The article page by slug, rendered, is measured too (it also ranks "Lire aussi").
// Ratios search / lookup are printed (target: within 10x) and the section is written to
// bench/RESULTS.md. Never part of `npm test`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { build } from "../scripts/build.js";
import { connectPostgres, createDatabase, type DatabaseHandle } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";
import {
  BODY_WORDS,
  freePort,
  pin,
  pinned,
  prependResults,
  productionServerEnv,
  TEASER_WORDS,
  TITLE_WORDS,
  WORDS,
  waitFor,
  withScratchDatabase,
  wordListsSql,
  wordsSql,
} from "./support.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "40" },
    sizes: { type: "string", default: "20000,100000" },
    "no-build": { type: "boolean", default: false },
    "skip-pglite": { type: "boolean", default: false },
  },
});
const REQUESTS = Number(args.requests);
const SIZES = args.sizes.split(",").map(Number);
if (pinned) spawnSync("taskset", ["-p", "-c", "1", String(process.pid)]);

/** Search queries (with filters) measured at each size. */
const QUERIES: Array<{ name: string; query: string }> = [
  { name: "one common word", query: "q=quartier" },
  { name: "two words", query: "q=jardin+partag%C3%A9" },
  { name: "rare word, no accent", query: "q=verger+ruche" },
  { name: "phrase", query: "q=%22fete+du+quartier%22" },
  { name: "exclusion", query: "q=piscine+-stade" },
  { name: "word + type + theme filters", query: "q=emploi&type=actualite&theme=emploi" },
  { name: "word + quartier + dates", query: "q=travaux&quartier=quartier-4&du=2024-01-01&au=2025-12-31" },
  { name: "typo (no result: suggestion, similar titles)", query: "q=mediateque" },
];

async function setUp(db: DatabaseHandle["db"]) {
  await migrateToLatest(db);
  await sql`insert into site_settings (id, site_name, short_name) values (1, 'Ville de Banc d’Essai', 'Essai')`.execute(db);
  await sql`insert into themes (slug, name, position)
    select slug, name, i from unnest(${["emploi", "culture", "sport", "cadre-de-vie", "solidarite", "jeunesse", "sante", "logement"]}::text[],
      ${["Emploi", "Culture", "Sport", "Cadre de vie", "Solidarité", "Jeunesse", "Santé", "Logement"]}::text[]) with ordinality as t(slug, name, i)`.execute(
    db,
  );
  await sql`insert into neighbourhoods (slug, name, kind, code, position)
    select 'quartier-' || g, 'Quartier ' || g, case when g > 10 then 'qpv' else 'quartier' end,
      case when g > 10 then 'QN0' || (59000 + g) || 'B' end, g
    from generate_series(1, 12) g`.execute(db);
  await sql`insert into contracts (slug, name, generation, period_start, period_end) values ('contrat-2024', 'Contrat de ville 2024-2030', '2024', 2024, 2030)`.execute(
    db,
  );
  await sql`insert into priorities (contract_id, slug, title) select id, 'cohesion', 'Cohésion sociale' from contracts`.execute(db);
}

/** Adds items `from`..`to` (articles, a few pages and actions; 5 % drafts, 2 % scheduled). */
async function generate(db: DatabaseHandle["db"], from: number, to: number) {
  let t = Date.now();
  const step = (what: string) => {
    process.stdout.write(`[bench]   ${what}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    t = Date.now();
  };
  const w = sql.raw(wordListsSql());
  await sql`select setseed(${from / 1_000_000})`.execute(db);
  await sql`
    insert into content_items (kind, slug, path, title, standfirst, body, status, published_at)
    select case when g % 50 = 0 then 'page' else 'article' end,
      'essai-' || g,
      case when g % 50 = 0 then '/pages-essai/essai-' || g else '/actualites/essai-' || g end,
      initcap(t.title), t.teaser || '.', '<p>' || t.body || '.</p>',
      case when g % 20 = 7 then 'draft' when g % 50 = 13 then 'scheduled' else 'published' end,
      case when g % 20 = 7 then null
        when g % 50 = 13 then now() + interval '10 days'
        else now() - (g % 1800) * interval '1 day' - (g % 997) * interval '1 minute' end
    from generate_series(${from}::int, ${to}::int) g,
      lateral (select ${w}) v,
      lateral (select ${sql.raw(wordsSql(TITLE_WORDS, "g"))} as title, ${sql.raw(wordsSql(TEASER_WORDS, "g"))} as teaser,
        ${sql.raw(wordsSql(BODY_WORDS, "g"))} as body) t`.execute(db);
  step("content items");
  await sql`
    insert into content_themes (content_id, theme_id)
    select c.id, (select id from themes order by id offset (c.id % 8) limit 1) from content_items c
    where c.slug like 'essai-%' and substr(c.slug, 7)::int between ${from} and ${to}`.execute(db);
  step("themes");
  await sql`
    insert into content_neighbourhoods (content_id, neighbourhood_id)
    select c.id, (select id from neighbourhoods order by id offset (c.id % 12) limit 1) from content_items c
    where c.slug like 'essai-%' and substr(c.slug, 7)::int between ${from} and ${to} and c.id % 3 = 0`.execute(db);
  step("quartiers");
  await sql`
    insert into actions (slug, priority_id, title, summary, description, status, start_date)
    select 'action-essai-' || g, (select id from priorities limit 1), initcap(t.title), t.teaser, '<p>' || t.body || '</p>',
      (array['planned', 'in_progress', 'delayed', 'completed', 'cancelled'])[1 + g % 5], date '2024-01-01' + (g % 700)
    from generate_series(${from}::int, ${to}::int, 100) g,
      lateral (select ${w}) v,
      lateral (select ${sql.raw(wordsSql(TITLE_WORDS, "g"))} as title, ${sql.raw(wordsSql(TEASER_WORDS, "g"))} as teaser,
        ${sql.raw(wordsSql(BODY_WORDS, "g"))} as body) t`.execute(db);
  step("actions");
  // What autovacuum does on PostgreSQL after a bulk write (PGlite runs no autovacuum).
  await sql`vacuum analyze`.execute(db);
  step("vacuum analyze");
}

/** Requests answered 503 by the load shedding (event loop blocked by a previous request), retried. */
let shed = 0;

/** The time of one successful request; a 503 from the load shedding is waited out and retried. */
async function timeRequest(url: string): Promise<number> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const started = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    const elapsed = performance.now() - started;
    if (res.status === 200) return elapsed;
    if (res.status !== 503) throw new Error(`${url}: ${res.status}`);
    shed++;
    await new Promise((r) => setTimeout(r, 1100));
  }
  throw new Error(`${url}: 503 thirty times`);
}

/**
 * The same search with the letters of `q` in another case for each `n`: the same results, but
 * a key the results cache (src/modules/search/cache.ts, keyed by the query as typed) has not
 * seen, so each request runs the search's statements, as a query asked for the first time
 * in a minute does.
 */
function variant(url: string, n: number): string {
  const u = new URL(url);
  let bit = 0;
  const q = [...(u.searchParams.get("q") ?? "")]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? ((n >> (bit++ % 12)) & 1 ? c.toUpperCase() : c.toLowerCase()) : c))
    .join("");
  u.searchParams.set("q", q);
  return u.toString();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
}

const ms = (n: number) => n.toFixed(1);

async function measure(kind: string, databaseUrl: string | null, dataDir: string, size: number, rows: string[]) {
  const port = await freePort();
  // Every request renders (PAGE_CACHE_ENTRIES=0): the page cache key now ignores parameters a
  // route does not read, so the article's `?n=` no longer missed the cache and that row measured
  // a cached page (2 ms); search results and the uncached lookups render either way.
  const env = { ...productionServerEnv({ port, dataDir, databaseUrl }), LOG_LEVEL: "warn", PAGE_CACHE_ENTRIES: "0" };
  const [cmd, argv] = pin(0, [process.execPath, path.join(ROOT, "dist/server.js")]);
  const server = spawn(cmd, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  await waitFor(server, /Prêt en/, "server");
  server.stdout?.resume();
  server.stderr?.resume();
  const base = `http://127.0.0.1:${port}`;
  try {
    // Opening a large embedded database blocks the event loop for a while after "Prêt": the
    // load shedding answers 503 until a sampling interval passes without lag. Wait for that.
    for (let i = 0; ; i++) {
      const res = await fetch(`${base}/recherche`);
      await res.arrayBuffer();
      if (res.status === 200) break;
      if (i > 120) throw new Error(`server not ready: ${res.status}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    // The plain indexed lookup: one published article by slug from the content API, a
    // different slug each time (never from the page cache). Also measured: the article page,
    // rendered (a unique query parameter misses the page cache), which computes its "Lire aussi".
    const slugs: string[] = [];
    for (let g = 1001; slugs.length < REQUESTS * 3 + 10; g += 7) if (g % 50 !== 0 && g % 20 !== 7 && g % 50 !== 13) slugs.push(`essai-${g}`);
    for (const slug of slugs.slice(0, 10)) await timeRequest(`${base}/api/v1/actualites/${slug}`);
    const lookup: number[] = [];
    for (const slug of slugs.slice(10)) lookup.push(await timeRequest(`${base}/api/v1/actualites/${slug}`));
    const l = stats(lookup);
    const pagePath = "/actualites/essai-1001";
    for (let i = 0; i < 5; i++) await timeRequest(`${base}${pagePath}?warm=${i}`);
    const articlePage: number[] = [];
    shed = 0;
    for (let i = 0; i < REQUESTS; i++) articlePage.push(await timeRequest(`${base}${pagePath}?n=${size}-${i}`));
    const a = stats(articlePage);
    const all: number[] = [];
    for (const q of QUERIES) {
      const url = `${base}/recherche?${q.query}`;
      await timeRequest(url); // waits out a 503 left by the previous phase
      const first = await fetch(url);
      const body = await first.text();
      if (first.status !== 200) throw new Error(`${q.name}: ${first.status}`);
      const count = /([\d\u202f\u00a0 ]+) résultats? pour/.exec(body)?.[1]?.replace(/\D/g, "");
      const found = count
        ? body.includes("Plus de ")
          ? `more than ${Number(count).toLocaleString("en")}`
          : count
        : body.includes("Essayez avec")
          ? "0, suggestion"
          : "0";
      for (let i = 0; i < 3; i++) await timeRequest(variant(url, 1000 + i));
      const samples: number[] = [];
      shed = 0;
      for (let i = 0; i < REQUESTS; i++) samples.push(await timeRequest(variant(url, i)));
      const shedNote = shed ? ` (${shed} × 503 retried)` : "";
      all.push(...samples);
      const s = stats(samples);
      rows.push(
        `| ${kind} | ${size.toLocaleString("en")} | ${q.name} (\`${decodeURIComponent(q.query.replace(/\+/g, " "))}\`)${shedNote} | ${found} | ${ms(s.p50)} / ${ms(s.p95)} | ${(s.p50 / l.p50).toFixed(1)} / ${(s.p95 / l.p95).toFixed(1)} |`,
      );
      process.stdout.write(`${rows[rows.length - 1]}\n`);
    }
    // The same query again and again: answered from the results cache (src/modules/search/cache.ts).
    const repeated = `${base}/recherche?${QUERIES[0]!.query}`;
    for (let i = 0; i < 3; i++) await timeRequest(repeated);
    const kept: number[] = [];
    for (let i = 0; i < REQUESTS; i++) kept.push(await timeRequest(repeated));
    const k = stats(kept);
    rows.push(
      `| ${kind} | ${size.toLocaleString("en")} | ${QUERIES[0]!.name}, the same URL each time (results cache) | | ${ms(k.p50)} / ${ms(k.p95)} | ${(k.p50 / l.p50).toFixed(1)} / ${(k.p95 / l.p95).toFixed(1)} |`,
    );
    process.stdout.write(`${rows[rows.length - 1]}\n`);
    const s = stats(all);
    rows.push(
      `| ${kind} | ${size.toLocaleString("en")} | **all searches** | | **${ms(s.p50)} / ${ms(s.p95)}** | **${(s.p50 / l.p50).toFixed(1)} / ${(s.p95 / l.p95).toFixed(1)}** |`,
    );
    rows.push(
      `| ${kind} | ${size.toLocaleString("en")} | **lookup: API article by slug** (\`/api/v1/actualites/<slug>\`, uncached) | 1 | **${ms(l.p50)} / ${ms(l.p95)}** | 1 |`,
    );
    rows.push(
      `| ${kind} | ${size.toLocaleString("en")} | article page by slug, rendered (with its "Lire aussi")${shed ? ` (${shed} × 503 retried)` : ""} | 1 | ${ms(a.p50)} / ${ms(a.p95)} | ${(a.p50 / l.p50).toFixed(1)} / ${(a.p95 / l.p95).toFixed(1)} |`,
    );
    process.stdout.write(`${rows.slice(-3).join("\n")}\n`);
  } finally {
    server.kill("SIGTERM");
    await new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      setTimeout(resolve, 5000);
    });
  }
}

async function runOn(kind: "pglite" | "postgres", databaseUrl: string | null): Promise<string[]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-search-bench-"));
  const rows: string[] = [];
  try {
    let done = 0;
    for (const size of SIZES) {
      const handle = databaseUrl ? connectPostgres(databaseUrl, 2, { statementMs: 0 }) : await createDatabase({ databaseUrl: null, dataDir });
      const started = Date.now();
      if (done === 0) {
        await setUp(handle.db);
        process.stdout.write(`[bench]   migrations and set-up: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }
      await generate(handle.db, done + 1, size);
      const docs = await sql<{ n: number }>`select count(*)::int as n from search_documents`.execute(handle.db);
      await handle.close();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      rows.push(
        `| ${kind} | ${size.toLocaleString("en")} | (generated and indexed ${(size - done).toLocaleString("en")} items in ${seconds} s; ${docs.rows[0]?.n} documents in the index) | | | |`,
      );
      process.stdout.write(`${rows[rows.length - 1]}\n`);
      done = size;
      await measure(kind, databaseUrl, dataDir, size, rows);
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  return rows;
}

if (args["no-build"]) process.stdout.write("[bench] using the production server already in dist/ (--no-build)\n");
else {
  process.stdout.write("[bench] building the production server…\n");
  await build();
}
const header = [
  `## Search: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `${pinned ? "server on CPU 0, client on CPU 1 (taskset)" : "not pinned (no taskset)"}; one request at a time, ${REQUESTS} per search query, ${REQUESTS * 3} for the lookup; \`vacuum analyze\` after each bulk insert.`,
  `Command: \`npm run bench:search -- --requests ${REQUESTS}\`. Corpus: generated French municipal news (${WORDS.length} words drawn with random()^1.5, 40 % stop words), ${TITLE_WORDS}-word titles, ${TEASER_WORDS}-word teasers, ${BODY_WORDS}-word bodies; 2 % pages, 1 % actions, 5 % drafts, 2 % scheduled.`,
  "",
  "| database | items | request | results | p50 / p95 ms | ratio to lookup (p50 / p95) |",
  "|---|---|---|---|---|---|",
];
process.stdout.write(`${header.join("\n")}\n`);
const rows = args["skip-pglite"] ? [] : await runOn("pglite", null);
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) rows.push(...(await withScratchDatabase(pgUrl, "portail_search_bench", (url) => runOn("postgres", url))));
await prependResults([...header, ...rows]);
