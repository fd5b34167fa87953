// "Lire aussi" as the article page shows it, on a fixed corpus larger than the window of newest
// items the SQL pre-selection scores one by one (RELATED_WINDOW): an old item sharing more
// themes and places must still beat the newer ones, and the choice must be the one rankRelated()
// makes over every item of the database (decision 0005), drafts and future items never shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createArticle, createNeighbourhood, createSite, createTheme } from "../../../test/factories.js";
import { RELATED_WINDOW } from "./queries/items.js";
import { rankRelated } from "./related.js";
import { getItemByPath } from "./service.js";

const DAY = 86_400_000;
let w: TestWorld;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let t1: number;
let t2: number;
let t3: number;
let p1: number;
let p2: number;
const ids: Record<string, number> = {};
const paths: Record<string, string> = {};

async function article(name: string, values: Parameters<typeof createArticle>[1]) {
  const row = await createArticle(w.db, { title: `Article ${name}`, ...values });
  ids[name] = row.id;
  paths[name] = row.path;
  return row;
}

beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  t1 = (await createTheme(w.db, { name: "Emploi" })).id;
  t2 = (await createTheme(w.db, { name: "Jeunesse" })).id;
  t3 = (await createTheme(w.db, { name: "Culture" })).id;
  p1 = (await createNeighbourhood(w.db, { name: "Fives" })).id;
  p2 = (await createNeighbourhood(w.db, { name: "Moulins" })).id;

  // Old items sharing a lot with the subjects below.
  await article("all-old", { themeIds: [t1, t2], neighbourhoodIds: [p1], publishedAt: ago(400) }); // score 5
  await article("t2-p1", { themeIds: [t2], neighbourhoodIds: [p1], publishedAt: ago(300) }); // score 3
  await article("t1", { themeIds: [t1], publishedAt: ago(200) }); // score 2
  await article("t1-twin-a", { themeIds: [t1], publishedAt: ago(250) }); // score 2, same date as b
  await article("t1-twin-b", { themeIds: [t1], publishedAt: ago(250) });
  await article("p1", { neighbourhoodIds: [p1], publishedAt: ago(10) }); // score 1
  // Never shown: a draft, a scheduled item, one published tomorrow, an unpublished one.
  await article("draft", { status: "draft", themeIds: [t1, t2], neighbourhoodIds: [p1] });
  await article("scheduled", { status: "scheduled", publishedAt: null, themeIds: [t1, t2], neighbourhoodIds: [p1] });
  await article("future", { themeIds: [t1, t2], neighbourhoodIds: [p1], publishedAt: new Date(now.getTime() + DAY) });
  await article("unpublished", { status: "unpublished", publishedAt: ago(5), themeIds: [t1, t2], neighbourhoodIds: [p1] });

  // More recent items than the window, sharing nothing (or one other theme) with the subjects.
  const filler = Array.from({ length: RELATED_WINDOW + 20 }, (_, i) => ({
    kind: "article" as const,
    slug: `recente-${i}`,
    path: `/actualites/recente-${i}`,
    title: `Récente ${i}`,
    status: "published" as const,
    published_at: new Date(now.getTime() - 3600_000 - i * 60_000),
  }));
  const rows = await w.db.insertInto("content_items").values(filler).returning("id").execute();
  await w.db
    .insertInto("content_themes")
    .values(rows.filter((_, i) => i % 4 === 0).map((r) => ({ content_id: r.id, theme_id: t3, position: 0 })))
    .execute();
  await w.db
    .insertInto("content_neighbourhoods")
    .values(rows.filter((_, i) => i % 5 === 0).map((r) => ({ content_id: r.id, neighbourhood_id: p2 })))
    .execute();

  // The subjects.
  await article("subject", { themeIds: [t1, t2], neighbourhoodIds: [p1], publishedAt: ago(1) });
  await article("pinning", { themeIds: [t1, t2], neighbourhoodIds: [p1], publishedAt: ago(1), pinnedIds: [ids.p1!, ids.draft!, ids["t1-twin-a"]!] });
  await article("bare", { publishedAt: ago(1) });
  await article("culture", { themeIds: [t3], publishedAt: ago(2) });
  await article("one-place", { neighbourhoodIds: [p1], publishedAt: ago(1) });
});
afterAll(async () => w?.close());

const deps = () => ({ db: w.db, now: () => new Date() });
const relatedOf = async (name: string) => (await getItemByPath(deps(), paths[name]!)).data.related.map((c) => c.id);

/** rankRelated() over every item of the database: what the page must show. */
async function oracle(name: string): Promise<number[]> {
  const items = await w.db.selectFrom("content_items").select(["id", "status", "published_at"]).execute();
  const themes = await w.db.selectFrom("content_themes").select(["content_id", "theme_id"]).execute();
  const places = await w.db.selectFrom("content_neighbourhoods").select(["content_id", "neighbourhood_id"]).execute();
  const pinned = await w.db.selectFrom("content_related").select("related_id").where("content_id", "=", ids[name]!).orderBy("position").execute();
  const of = (id: number) => ({
    id,
    themeIds: themes.filter((t) => t.content_id === id).map((t) => t.theme_id),
    neighbourhoodIds: places.filter((p) => p.content_id === id).map((p) => p.neighbourhood_id),
  });
  return rankRelated(
    of(ids[name]!),
    pinned.map((p) => p.related_id),
    items.map((i) => ({ ...of(i.id), status: i.status, publishedAt: i.published_at })),
    { now: new Date(), limit: 3 },
  );
}

describe("Lire aussi on a corpus larger than the scored window", () => {
  it("ranks an old item sharing every theme and place above hundreds of newer ones, then by score, then by date and id", async () => {
    // "pinning" shares everything too and is newer.
    expect(await relatedOf("subject")).toEqual([ids.pinning, ids["all-old"], ids["t2-p1"]]);
  });

  it("puts the visible pinned items first, in the editor's order, and skips a pinned draft", async () => {
    expect(await relatedOf("pinning")).toEqual([ids.p1, ids["t1-twin-a"], ids.subject]);
  });

  it("breaks a tie of score and date by the highest id", async () => {
    const t4 = (await createTheme(w.db, { name: "Sport" })).id;
    const first = await article("twin-first", { themeIds: [t4], publishedAt: ago(250) });
    const second = await article("twin-second", { themeIds: [t4], publishedAt: ago(250) });
    await article("sport", { themeIds: [t4], publishedAt: ago(1) });
    expect((await relatedOf("sport")).slice(0, 2)).toEqual([second.id, first.id]);
  });

  it("fills with the newest visible items when nothing is shared", async () => {
    const related = await relatedOf("bare");
    const newest = await w.db
      .selectFrom("content_items")
      .select("id")
      .where("status", "=", "published")
      .where("published_at", "<=", new Date())
      .where("id", "<>", ids.bare!)
      .orderBy("published_at", "desc")
      .orderBy("id", "desc")
      .limit(3)
      .execute();
    expect(related).toEqual(newest.map((r) => r.id));
  });

  it("picks what rankRelated() picks over every item, for every subject, and never a draft, scheduled, future or unpublished item", async () => {
    const hidden = [ids.draft, ids.scheduled, ids.future, ids.unpublished];
    for (const name of ["subject", "pinning", "bare", "culture", "one-place", "all-old", "t1", "p1"]) {
      const related = await relatedOf(name);
      expect(related, name).toEqual(await oracle(name));
      expect(related).toHaveLength(3);
      for (const id of hidden) expect(related, name).not.toContain(id);
      expect(related, name).not.toContain(ids[name]);
    }
  });

  it("shows them on the article page", async () => {
    const res = await w.app.inject({ url: `${paths.subject}?n=1` });
    expect(res.statusCode).toBe(200);
    const block = res.body.slice(res.body.indexOf('id="lire-aussi"'));
    expect(block).toContain(paths["all-old"]);
    expect(block).toContain(paths["t2-p1"]);
    expect(block).not.toContain(paths.draft);
    expect(block).not.toContain(paths.future);
  });
});
