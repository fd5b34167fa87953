// Digest benchmark (issue #14): compose and queue the digests of 100,000 subscribers with
// realistic interests over 2,000 new items, next to a baseline measured in the same run: a
// plain SELECT of the same subscribers (id, address, name). Target: under one minute.
//
//   npm run bench:digests                       PGlite (in this process)
//   BENCH_DATABASE_URL=postgres://… npm run bench:digests     PostgreSQL too (a temporary database)
//   npm run bench:digests -- --subscribers 20000 --items 500
//
// Data (SQL generate_series, seconds): 12 themes and 20 quartiers; each subscriber follows
// each theme with probability 0.2 (2.4 on average, some none) and each quartier with 0.06;
// 60 % daily and 40 % weekly, all due at the measured hour (Monday 08:00, Paris); one in five
// keeps two favourite pages among 200 older ones, 10 % of which were updated in the window;
// 2,000 articles published in the 23 hours before, each with one or two themes, half of them
// with a quartier. Measured: `runDigests` for that hour (who is due, interests, favourites,
// ranking, and one transaction per 1,000 subscribers writing the deliveries, their send jobs
// and the subscribers' last period). Sending is not measured (an SMTP server's pace). Never
// part of `npm test`.
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { connectPostgres, openPGlite, wrapPGlite, type DatabaseHandle } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";
import { JobSignal } from "../src/core/jobs/queue.js";
import { runDigests } from "../src/modules/digests/service.js";
import { withScratchDatabase } from "./support.js";

const { values: args } = parseArgs({ options: { subscribers: { type: "string", default: "100000" }, items: { type: "string", default: "2000" } } });
const SUBSCRIBERS = Number(args.subscribers);
const ITEMS = Number(args.items);
// Monday 11 January 2027, 08:00 in Paris.
const PERIOD = new Date("2027-01-11T07:00:00Z");

async function generate(h: DatabaseHandle) {
  const db = h.db;
  const t0 = "2026-01-01T00:00:00Z";
  await sql`insert into themes (slug, name) select 'theme-' || i, 'Thème ' || i from generate_series(1, 12) i`.execute(db);
  await sql`insert into neighbourhoods (slug, name, kind) select 'quartier-' || i, 'Quartier ' || i, 'quartier' from generate_series(1, 20) i`.execute(db);
  await sql`insert into users (email, password_hash, display_name, email_verified_at, digest_consent, digest_consent_at, created_at, updated_at, password_changed_at)
    select 'habitant' || i || '@exemple.fr', 'x', 'Habitant ' || i, ${t0}::timestamptz, true, ${t0}::timestamptz, ${t0}::timestamptz, ${t0}::timestamptz, ${t0}::timestamptz
    from generate_series(1, ${SUBSCRIBERS}) i`.execute(db);
  await sql`insert into user_themes (user_id, theme_id, created_at)
    select u.id, t.id, ${t0}::timestamptz from users u cross join themes t where random() < 0.2`.execute(db);
  await sql`insert into user_neighbourhoods (user_id, neighbourhood_id, created_at)
    select u.id, n.id, ${t0}::timestamptz from users u cross join neighbourhoods n where random() < 0.06`.execute(db);
  await sql`insert into digest_subscriptions (user_id, frequency, hour, weekday, created_at, updated_at)
    select id, case when id % 5 < 3 then 'daily' else 'weekly' end, 8, 1, ${t0}::timestamptz, ${t0}::timestamptz from users`.execute(db);
  // 200 older pages (favourites), 10 % updated in the window; then the new articles.
  await sql`insert into content_items (kind, slug, path, title, standfirst, status, published_at, created_at, updated_at)
    select 'page', 'page-' || i, '/pages/page-' || i, 'Page ' || i, 'Une page suivie.', 'published', ${PERIOD}::timestamptz - interval '30 days',
      ${PERIOD}::timestamptz - interval '30 days', case when i % 10 = 0 then ${PERIOD}::timestamptz - interval '3 hours' else ${PERIOD}::timestamptz - interval '20 days' end
    from generate_series(1, 200) i`.execute(db);
  await sql`insert into content_items (kind, slug, path, title, standfirst, status, published_at, created_at, updated_at)
    select 'article', 'article-' || i, '/actualites/article-' || i, 'Article ' || i, 'Une nouvelle du quartier.', 'published',
      ${PERIOD}::timestamptz - (random() * interval '23 hours'), ${PERIOD}::timestamptz - interval '1 day', ${PERIOD}::timestamptz - interval '1 day'
    from generate_series(1, ${ITEMS}) i`.execute(db);
  await sql`insert into content_themes (content_id, theme_id, position)
    select c.id, t.id, 0 from content_items c join themes t on t.id = (c.id % 12) + 1 where c.kind = 'article'
    union select c.id, t.id, 1 from content_items c join themes t on t.id = ((c.id * 7) % 12) + 1 where c.kind = 'article' and c.id % 3 = 0 and (c.id * 7) % 12 <> c.id % 12`.execute(
    db,
  );
  await sql`insert into content_neighbourhoods (content_id, neighbourhood_id)
    select c.id, (c.id % 20) + 1 from content_items c where c.kind = 'article' and c.id % 2 = 0`.execute(db);
  await sql`insert into favourites (user_id, content_id, created_at)
    select u.id, p.id, ${t0}::timestamptz from users u join content_items p on p.kind = 'page' and (p.id % 200 = u.id % 200 or p.id % 200 = (u.id * 3) % 200)
    where u.id % 5 = 0`.execute(db);
  await sql`analyze`.execute(db);
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function measure(label: string, h: DatabaseHandle) {
  const started = Date.now();
  await migrateToLatest(h.db);
  await generate(h);
  const generated = (Date.now() - started) / 1000;
  // Baseline: the subscribers, plainly (three times, the median).
  const base: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const r =
      await sql`select id, email, display_name, digest_consent_at from users where digest_consent and email_verified_at is not null order by id`.execute(h.db);
    base.push(Number(process.hrtime.bigint() - t) / 1e6);
    rows = r.rows.length;
  }
  const t = process.hrtime.bigint();
  const result = await runDigests({ db: h.db, jobSignal: new JobSignal() }, PERIOD, { clock: () => PERIOD });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const jobs = await sql<{ n: number | string }>`select count(*) as n from jobs where kind = 'digests.send'`.execute(h.db);
  const baseline = median(base);
  return {
    label,
    generated,
    rows,
    baseline,
    ms,
    ...result,
    jobs: Number(jobs.rows[0]?.n ?? 0),
    perSubscriberUs: (ms * 1000) / result.examined,
    basePerRowUs: (baseline * 1000) / rows,
  };
}

const results = [];
{
  const h = wrapPGlite(await openPGlite(undefined));
  try {
    results.push(await measure("pglite", h));
  } finally {
    await h.close();
  }
}
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  await withScratchDatabase(pgUrl, "portail_digests_bench", async (url) => {
    const h = connectPostgres(url, 5);
    try {
      results.push(await measure("postgres", h));
    } finally {
      await h.close();
    }
  });
}

console.log(`\nDigests: ${SUBSCRIBERS} subscribers, ${ITEMS} new items; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}\n`);
console.log("| database | data generated | baseline SELECT | runDigests | per subscriber | ratio | examined | queued | empty | send jobs |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.generated.toFixed(1)} s | ${r.baseline.toFixed(0)} ms (${r.basePerRowUs.toFixed(1)} µs/row) | ${(r.ms / 1000).toFixed(1)} s | ${r.perSubscriberUs.toFixed(0)} µs | ${(r.ms / r.baseline).toFixed(0)}× | ${r.examined} | ${r.queued} | ${r.empty} | ${r.jobs} |`,
  );
}
