// Page rendering benchmark. Machines here are noisy, so absolute times mean little:
// every figure is printed as a ratio to a baseline measured in the same run (a tiny
// static response through the same Fastify stack: routing, security headers, hooks).
//
//   npm run bench
//
// It seeds the demo dataset into an in-memory PGlite database, then measures, for the
// home page, the news list and an article: a cold render (page cache cleared before
// each request) and a warm one (served from the page cache).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { openPGlite, wrapPGlite } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";
import { seedDemo } from "../src/seed/seed.js";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-bench-"));
const handle = wrapPGlite(await openPGlite(undefined));
await migrateToLatest(handle.db);
await seedDemo(handle.db, { mediaDir: path.join(dataDir, "media") });
const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PUBLIC_URL: "https://portail.bench" });
const app = await buildApp({ config, db: handle.db });
await app.ready();

const article = await handle.db.selectFrom("content_items").select("path").where("kind", "=", "article").orderBy("published_at", "desc").executeTakeFirstOrThrow();

async function measure(url: string, iterations: number, cold: boolean): Promise<number> {
  for (let i = 0; i < 5; i++) await app.inject({ url }); // warm-up (JIT, first queries)
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    if (cold) app.deps.pageCache.clear();
    const res = await app.inject({ url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations; // ms per request
}

const N = Number(process.env.BENCH_ITERATIONS ?? 200);
const baseline = await measure("/robots.txt", N * 2, false);
console.log(`baseline (/robots.txt): 1.00  [${baseline.toFixed(3)} ms/request, not comparable across runs]`);
for (const [label, url] of [["home", "/"], ["news list", "/actualites"], ["article", article.path]] as const) {
  const cold = await measure(url, Math.max(20, N / 4), true);
  const warm = await measure(url, N, false);
  console.log(
    `${label.padEnd(10)} cold render: ${(cold / baseline).toFixed(1).padStart(6)} x baseline | from page cache: ${(warm / baseline).toFixed(1).padStart(5)} x baseline | cache speed-up: ${(cold / warm).toFixed(1)} x`,
  );
}

await app.close();
await handle.close();
await fs.rm(dataDir, { recursive: true, force: true });
