// What the benchmarks share beside the load runner (load.ts) and the bare server (baseline.ts):
// the production server as a pinned child process, a throwaway database on a PostgreSQL
// server, and the results file, newest section first.
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { createSession } from "../src/core/auth/sessions.js";
import type { Database } from "../src/core/db/schema.js";

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "RESULTS.md");
const RESULTS_START =
  "# Benchmark results\n\nNewest first. Each run compares the app to a bare node:http server sending the same bytes, measured in the same run.\n";

/** True where `taskset` can keep the server on CPU 0 and the measuring side on CPU 1. */
export const pinned = spawnSync("taskset", ["-c", "0", "true"]).status === 0 && os.cpus().length >= 2;

/** The command pinned to one CPU where `taskset` exists, as [command, arguments] for spawn. */
export function pin(cpu: number, command: string[]): [string, string[]] {
  return pinned ? ["taskset", ["-c", String(cpu), ...command]] : [command[0]!, command.slice(1)];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once the child's output matches; rejects with its last output if it exits first. */
export function waitFor(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (pattern.test(output)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${what} exited (${code}):\n${output.slice(-2000)}`)));
  });
}

/** The environment of `node dist/server.js` in production mode on loopback, on this data folder or database, with no demo seed and no real SMTP. */
export function productionServerEnv(o: { port: number; dataDir: string; databaseUrl: string | null }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(o.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${o.port}`,
    SMTP_URL: "smtp://127.0.0.1:9",
    DATA_DIR: o.dataDir,
    SEED_ON_EMPTY: "false",
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
  };
}

async function run(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** Runs `use` on a new database `<prefix>_<pid>` of the server at `serverUrl`, dropped afterwards, failed or not. */
export async function withScratchDatabase<T>(serverUrl: string, prefix: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${process.pid}`;
  await run(serverUrl, `create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  try {
    return await use(u.toString());
  } finally {
    await run(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/** Puts a section at the top of bench/RESULTS.md, under its title and introduction. */
export async function prependResults(lines: readonly string[]): Promise<void> {
  const previous = await fs.readFile(RESULTS, "utf8").catch(() => RESULTS_START);
  const [title, intro, ...rest] = previous.split("\n\n");
  await fs.writeFile(RESULTS, [title, intro, lines.join("\n"), ...rest].filter((b) => b !== undefined).join("\n\n"));
  process.stdout.write("[bench] written to bench/RESULTS.md\n");
}

// ---- generated French-like corpora (bench:search, bench --scale)

// Words of municipal news, most frequent first: the generator draws them with a skewed
// distribution (random()^1.5), so that the first ones are common and the last ones rarer.
export const WORDS = `quartier habitants ville projet travaux rue association jeunes enfants école
  emploi atelier rencontre service public famille centre culture sport place accueil aide
  réunion conseil maison santé logement marché jardin fête parc commerce voisins seniors
  numérique formation insertion solidarité environnement propreté sécurité transport vélo
  bus tramway stationnement déchets recyclage arbres plantation prévention médiathèque
  bibliothèque lecture musique concert théâtre exposition musée patrimoine piscine stade
  gymnase football basket natation danse cirque carnaval brocante braderie illuminations
  producteurs cantine repas restauration crèche collège lycée étudiants apprentissage
  stage vacances loisirs colonie hiver été printemps automne rentrée inscription dossier
  permanence mairie élus budget participatif citoyen consultation enquête urbanisme
  rénovation énergie chauffage isolation eau assainissement inondation canicule
  voirie éclairage trottoir chantier circulation déviation boulevard avenue église
  handicap accessibilité autonomie bénévoles partenaires bailleur résidence immeuble
  ascenseur gardien locataires copropriété médiation tranquillité nuisances bruit partagé
  partagés partagée ouverture fermeture horaires nouveau nouvelle réouverture inauguration
  quartiers écoles travail emplois journaux locaux sociaux hôpitaux chevaux nouveaux
  jardins fêtes marchés ateliers rencontres services familles commerces associations
  cinéma photographie peinture sculpture graffiti fresque murale slam lecture conte
  potager compost ruche abeilles biodiversité mare verger prairie haie nichoirs
  permis démolition reconstruction friche réhabilitation façade toiture menuiserie
  numérique tablette ordinateur internet démarches administratives impôts allocations
  alimentaire épicerie colis distribution maraude hébergement urgence hiver chauffage`
  .split(/\s+/)
  .filter(Boolean);
/** Function words, 40 % of the text as in real French prose (not indexed: stop words). */
export const STOP_WORDS = "de la le les des du et à en un une pour par sur dans avec au aux ce qui que".split(" ");
export const STOP_SHARE = 0.4;
export const TITLE_WORDS = 6;
export const TEASER_WORDS = 18;
export const BODY_WORDS = 70;

/** SQL: a random text of `n` words from WORDS (`w`) and STOP_WORDS (`sw`), skewed to the first ones; `g` makes it per row. */
export function wordsSql(n: number | string, g: string): string {
  const content = `w[1 + floor(power(random(), 1.5) * ${WORDS.length})::int + 0 * s]`;
  const stop = `sw[1 + floor(random() * ${STOP_WORDS.length})::int + 0 * s]`;
  return `(select string_agg(case when random() < ${STOP_SHARE} then ${stop} else ${content} end, ' ') from generate_series(1, ${n} + 0 * ${g}) as s)`;
}

/** SQL: `array[...] as w, array[...] as sw`, the word lists for a `lateral (select …) v`. */
export function wordListsSql(): string {
  const list = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;
  return `${list(WORDS)} as w, ${list(STOP_WORDS)} as sw`;
}

export interface ScaleSize {
  items: number;
  accounts: number;
  favourites: number;
}

/**
 * Adds a large generated dataset on top of a seeded database (bench --scale), in a few
 * set-based statements: `items` articles and pages (5 % drafts, 2 % scheduled, the rest
 * published over five years) with one or two themes and, for a third, a neighbourhood of the
 * existing ones; `accounts` residents (a third with interests); `favourites` favourites
 * spread over them. The search triggers are disabled during the inserts and the index is
 * rebuilt once at the end (set-based), instead of once per statement. Ends with `vacuum analyze`.
 */
export async function generateScaleData(
  db: Kysely<Database>,
  size: ScaleSize,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<void> {
  let t = Date.now();
  const step = (what: string) => {
    log(`[bench]   ${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
  };
  const searchTriggers = ["content_items", "content_themes", "content_neighbourhoods"];
  for (const table of searchTriggers) await sql.raw(`alter table ${table} disable trigger search_insert`).execute(db);
  try {
    const { rows } = await sql<{ first: number }>`select coalesce(max(id), 0) + 1 as first from content_items`.execute(db);
    const first = rows[0]!.first;
    await sql`select setseed(0.42)`.execute(db);
    await sql`
      insert into content_items (kind, slug, path, title, standfirst, body, status, published_at, updated_at)
      select case when g % 50 = 0 then 'page' else 'article' end,
        'genere-' || g,
        case when g % 50 = 0 then '/pages-generees/genere-' || g else '/actualites/genere-' || g end,
        initcap(t.title), t.teaser || '.', '<p>' || t.body || '.</p>',
        case when g % 20 = 7 then 'draft' when g % 50 = 13 then 'scheduled' else 'published' end,
        case when g % 20 = 7 then null
          when g % 50 = 13 then now() + interval '10 days'
          else now() - interval '1 day' - (g % 1800) * interval '1 day' - (g % 997) * interval '1 minute' end,
        now() - (g % 1800) * interval '1 day'
      from generate_series(1, ${size.items}::int) g,
        lateral (select ${sql.raw(wordListsSql())}) v,
        lateral (select ${sql.raw(wordsSql(TITLE_WORDS, "g"))} as title, ${sql.raw(wordsSql(TEASER_WORDS, "g"))} as teaser,
          ${sql.raw(wordsSql(BODY_WORDS, "g"))} as body) t`.execute(db);
    step(`${size.items.toLocaleString("en")} content items`);
    // One theme for every item, a second for two in five; a neighbourhood for one in three.
    await sql`
      insert into content_themes (content_id, theme_id, position)
      select c.id, t.ids[1 + (c.id * 7 + k * 3) % t.n], k
      from (select array_agg(id order by id) as ids, count(*)::int as n from themes) t,
        content_items c cross join generate_series(0, 1) k
      where c.id >= ${first} and (k = 0 or c.id % 5 < 2)
      on conflict do nothing`.execute(db);
    step("themes");
    await sql`
      insert into content_neighbourhoods (content_id, neighbourhood_id)
      select c.id, n.ids[1 + (c.id * 11) % n.n]
      from (select array_agg(id order by id) as ids, count(*)::int as n from neighbourhoods) n, content_items c
      where c.id >= ${first} and c.id % 3 = 0`.execute(db);
    step("neighbourhoods");
    await sql`select search_refresh('search_source_content', '{article,page}', array(select id from content_items where id >= ${first}))`.execute(db);
    step("search index");
  } finally {
    for (const table of searchTriggers) await sql.raw(`alter table ${table} enable trigger search_insert`).execute(db);
  }
  const { rows: u } = await sql<{ first: number }>`select coalesce(max(id), 0) + 1 as first from users`.execute(db);
  const firstUser = u[0]!.first;
  await sql`
    insert into users (email, password_hash, display_name, email_verified_at, created_at)
    select 'habitant-' || g || '@bench.test', 'x', 'Habitant ' || g, now(), now() - (g % 900) * interval '1 day'
    from generate_series(1, ${size.accounts}::int) g`.execute(db);
  await sql`
    insert into user_themes (user_id, theme_id)
    select u.id, t.ids[1 + u.id % t.n]
    from (select array_agg(id order by id) as ids, count(*)::int as n from themes) t, users u
    where u.id >= ${firstUser} and u.id % 3 = 0`.execute(db);
  await sql`
    insert into user_neighbourhoods (user_id, neighbourhood_id)
    select u.id, n.ids[1 + u.id % n.n]
    from (select array_agg(id order by id) as ids, count(*)::int as n from neighbourhoods) n, users u
    where u.id >= ${firstUser} and u.id % 3 = 0`.execute(db);
  step(`${size.accounts.toLocaleString("en")} accounts and their interests`);
  // Favourites: `per` distinct published items per account (a stride through the published ids).
  const per = Math.max(1, Math.round(size.favourites / size.accounts));
  await sql`
    insert into favourites (user_id, content_id, created_at)
    select u.id, p.ids[1 + ((u.id::bigint * 7919 + k * 104729) % p.n)::int], now() - (k * 17 + u.id % 300) * interval '1 hour'
    from (select array_agg(id order by id) as ids, count(*) as n from content_items where status = 'published') p,
      users u cross join generate_series(0, ${per - 1}::int) k
    where u.id >= ${firstUser} and u.id < ${firstUser + size.accounts}
    on conflict do nothing`.execute(db);
  step(`${size.favourites.toLocaleString("en")} favourites`);
  await sql`vacuum analyze`.execute(db);
  step("vacuum analyze");
}

/**
 * The signed-in scenarios' resident: three interests (themes), two followed places and
 * `favourites` favourites among the newest published items (never `exceptId`), with a session.
 */
export async function createBenchResident(
  db: Kysely<Database>,
  opts: { email: string; favourites: number; exceptId?: number },
): Promise<Awaited<ReturnType<typeof createSession>>> {
  const resident = await db
    .insertInto("users")
    .values({ email: opts.email, password_hash: "x", display_name: "Habitante", email_verified_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const themes = await db.selectFrom("themes").select("id").limit(3).execute();
  const places = await db.selectFrom("neighbourhoods").select("id").limit(2).execute();
  if (themes.length)
    await db
      .insertInto("user_themes")
      .values(themes.map((t) => ({ user_id: resident.id, theme_id: t.id })))
      .execute();
  if (places.length)
    await db
      .insertInto("user_neighbourhoods")
      .values(places.map((p) => ({ user_id: resident.id, neighbourhood_id: p.id })))
      .execute();
  let items = db.selectFrom("content_items").select("id").where("status", "=", "published");
  if (opts.exceptId !== undefined) items = items.where("id", "<>", opts.exceptId);
  const favourites = await items.orderBy("id", "desc").limit(opts.favourites).execute();
  if (favourites.length)
    await db
      .insertInto("favourites")
      .values(favourites.map((f) => ({ user_id: resident.id, content_id: f.id })))
      .execute();
  return createSession(db, resident.id, "bench", new Date());
}
