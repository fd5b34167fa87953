// Page rendering benchmark. Machines here are noisy, so absolute times mean little:
// every figure is printed as a ratio to a baseline measured in the same run (a tiny
// static response through the same Fastify stack: routing, security headers, hooks).
//
//   npm run bench
//
// It seeds the demo dataset into an in-memory PGlite database, then measures, for the
// home page, the news list and an article: a cold render (page cache cleared before
// each request) and a warm one (served from the page cache); then, signed in as an
// administrator, the back-office pages a newsroom uses most (never cached) and an autosave.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { openPGlite, wrapPGlite } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";
import { seedDemo } from "../demo/seed.js";
import { createSession } from "../src/core/auth/sessions.js";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-bench-"));
const handle = wrapPGlite(await openPGlite(undefined));
await migrateToLatest(handle.db);
await seedDemo(handle.db, { mediaDir: path.join(dataDir, "media") });
const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PUBLIC_URL: "https://portail.bench" });
const app = await buildApp({ config, db: handle.db });
await app.ready();

const article = await handle.db
  .selectFrom("content_items")
  .select("path")
  .where("kind", "=", "article")
  .orderBy("published_at", "desc")
  .executeTakeFirstOrThrow();

async function measure(url: string, iterations: number, cold: boolean, headers: Record<string, string> = {}): Promise<number> {
  for (let i = 0; i < 5; i++) await app.inject({ url, headers }); // warm-up (JIT, first queries)
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    if (cold) app.deps.pageCache.clear();
    const res = await app.inject({ url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations; // ms per request
}

const N = Number(process.env.BENCH_ITERATIONS ?? 200);
const baseline = await measure("/robots.txt", N * 2, false);
console.log(`baseline (/robots.txt): 1.00  [${baseline.toFixed(3)} ms/request, not comparable across runs]`);
for (const [label, url] of [
  ["home", "/"],
  ["news list", "/actualites"],
  ["article", article.path],
] as const) {
  const cold = await measure(url, Math.max(20, N / 4), true);
  const warm = await measure(url, N, false);
  console.log(
    `${label.padEnd(10)} cold render: ${(cold / baseline).toFixed(1).padStart(6)} x baseline | from page cache: ${(warm / baseline).toFixed(1).padStart(5)} x baseline | cache speed-up: ${(cold / warm).toFixed(1)} x`,
  );
}

// Back office, signed in as an administrator (a session row, as after sign-in).
const editor = await handle.db
  .insertInto("users")
  .values({ email: "bench@ville.test", password_hash: "x", role: "admin", email_verified_at: new Date() })
  .returning("id")
  .executeTakeFirstOrThrow();
const session = await createSession(handle.db, editor.id, "bench", new Date());
const cookie = { cookie: `__Host-portail_session=${session.token}` };
const draft = await handle.db
  .selectFrom("content_items")
  .select(["id", "title", "slug", "standfirst", "body"])
  .where("kind", "=", "article")
  .orderBy("id")
  .executeTakeFirstOrThrow();
for (const [label, url] of [
  ["dashboard", "/admin"],
  ["content list", "/admin/contenus"],
  ["edit form", `/admin/contenus/${draft.id}`],
  ["journal", "/admin/journal"],
] as const) {
  const ms = await measure(url, Math.max(20, N / 4), false, cookie);
  console.log(`${label.padEnd(12)} (signed in): ${(ms / baseline).toFixed(1).padStart(6)} x baseline`);
}
// Saving through the form's autosave endpoint: validation, sanitising, one transaction with
// the revision rules and the audit trail. The item is put back to draft for the purpose.
await handle.db.updateTable("content_items").set({ status: "draft" }).where("id", "=", draft.id).execute();
let version = (await handle.db.selectFrom("content_items").select("version").where("id", "=", draft.id).executeTakeFirstOrThrow()).version;
const saves = Math.max(20, N / 4);
const start = process.hrtime.bigint();
for (let i = 0; i < saves; i++) {
  const body = new URLSearchParams({
    _csrf: session.csrfToken,
    version: String(version),
    title: draft.title,
    slug: draft.slug,
    standfirst: draft.standfirst,
    body: `${draft.body}<p>${i}</p>`,
  });
  const res = await app.inject({
    method: "POST",
    url: `/admin/contenus/${draft.id}/brouillon`,
    payload: body.toString(),
    headers: {
      ...cookie,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      "x-csrf-token": session.csrfToken,
      "sec-fetch-site": "same-origin",
    },
  });
  if (res.statusCode !== 200) throw new Error(`autosave: ${res.statusCode} ${res.body}`);
  version = res.json().version;
}
const saveMs = Number(process.hrtime.bigint() - start) / 1e6 / saves;
console.log(`${"autosave".padEnd(12)} (signed in): ${(saveMs / baseline).toFixed(1).padStart(6)} x baseline`);

await app.close();
await handle.close();
await fs.rm(dataDir, { recursive: true, force: true });
