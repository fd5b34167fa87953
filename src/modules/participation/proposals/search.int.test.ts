// Residents' ideas in the site search (/recherche), through HTTP on a real database: found by a
// word of their title or description at their public URL, never while awaiting pre-moderation
// or hidden (by reports or a moderator), found again once approved, gone when deleted, kept
// when the author's account is erased; the "Idées" kind filter, the counts per kind and the
// quartier filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createNeighbourhood, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffAgent } from "../../../../test/staff.js";

let w: TestWorld;
let author: StaffAgent;
let reporter: StaffAgent;
let moderator: StaffAgent;
let open: { id: number; slug: string };
let other: { id: number; slug: string };

beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  open = await createNeighbourhood(w.db, { slug: "bois-blancs", name: "Bois-Blancs", kind: "quartier" });
  other = await createNeighbourhood(w.db, { slug: "vauban", name: "Vauban", kind: "quartier" });
  author = (await createStaff(w, "resident")).agent;
  reporter = (await createStaff(w, "resident")).agent;
  moderator = (await createStaff(w, "moderator")).agent;
});
afterAll(async () => w?.close());

async function propose(titre: string, description: string, quartierId: number) {
  const res = await author.send("/participation/idees/nouvelle", { titre, description, quartier: String(quartierId) });
  expect(res.statusCode).toBe(303);
  const location = String(res.headers.location);
  return { id: Number(/idees\/(\d+)-/.exec(location)![1]), path: location.replace(/\?.*$/, "") };
}

async function found(q: string, extra = ""): Promise<string[]> {
  const res = await w.app.inject({ url: `/recherche?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode).toBe(200);
  const list = res.body.split('<ul class="search-hits">')[1]?.split("</ul>")[0] ?? "";
  return [...list.matchAll(/<h[23] class="search-hit__title"><a href="([^"]+)"/g)].map((m) => m[1]!);
}

const moderationOf = async (id: number) => (await w.db.selectFrom("proposals").select("moderation").where("id", "=", id).executeTakeFirstOrThrow()).moderation;

describe("ideas in the site search", () => {
  it("finds a visible idea by a word of its title and of its description, at its public URL, labelled Idée", async () => {
    const idea = await propose(
      "Des bancs ombragés place du marché",
      "Planter des pergolas végétalisées pour que les familles puissent s’asseoir l’été.",
      open.id,
    );
    expect(idea.path).toMatch(/^\/participation\/idees\/\d+-des-bancs-ombrages/);
    expect(await found("ombragés")).toEqual([idea.path]);
    expect(await found("pergola")).toEqual([idea.path]);
    const res = await w.app.inject({ url: "/recherche?q=pergolas" });
    expect(res.body).toMatch(/<p class="search-hit__kind">Idée · <time datetime="\d{4}-\d{2}-\d{2}">Proposée le /);
    expect(res.body.split("Planter des").length).toBe(2); // the excerpt shows the description once

    expect((await w.app.inject({ url: idea.path })).statusCode).toBe(200);
  });

  it("finds a word far into a long description, with the start of the description as the teaser", async () => {
    const start = "Les trottoirs de la rue principale sont trop étroits pour les poussettes et les fauteuils roulants. ".repeat(3);
    const idea = await propose("Élargir les trottoirs", `${start}Il faudrait aussi un passage surélevé devant le gymnase.`, open.id);
    expect(await found("gymnase")).toEqual([idea.path]);
    const doc = await w.db
      .selectFrom("search_documents")
      .select(["teaser", "body"])
      .where("kind", "=", "proposal")
      .where("source_id", "=", idea.id)
      .executeTakeFirstOrThrow();
    expect(doc.teaser.length).toBeLessThanOrEqual(240);
    expect(start.startsWith(doc.teaser)).toBe(true);
    expect(`${doc.teaser} ${doc.body}`.replace(/\s+/g, " ")).toBe(`${start}Il faudrait aussi un passage surélevé devant le gymnase.`.replace(/\s+/g, " "));
  });

  it("offers the Idées kind filter with its count, and filters by quartier", async () => {
    const idea = await propose("Un marché aux puces trimestriel", "Une brocante entre voisins sur le parvis de la salle municipale.", open.id);
    const article = await createArticle(w.db, {
      title: "Brocante de printemps",
      standfirst: "Le marché aux puces revient.",
      body: "<p>Inscriptions en mairie.</p>",
      publishedAt: new Date(Date.now() - 3600_000),
    });
    const all = await w.app.inject({ url: "/recherche?q=brocante" });
    expect(all.body).toMatch(/href="\/recherche\?q=brocante&amp;type=idee"[^>]*>Idées <span class="search-facets__count">\(1\)/);
    expect(all.body).toMatch(/href="\/recherche\?q=brocante&amp;type=actualite"[^>]*>Actualités <span class="search-facets__count">\(1\)/);
    expect((await found("brocante")).sort()).toEqual([article.path, idea.path].sort());
    expect(await found("brocante", "&type=idee")).toEqual([idea.path]);
    expect(await found("brocante", "&type=actualite")).toEqual([article.path]);
    expect(await found("brocante", `&type=idee&quartier=${open.slug}`)).toEqual([idea.path]);
    expect(await found("brocante", `&type=idee&quartier=${other.slug}`)).toEqual([]);
    // the kind filter of the form offers it
    expect(all.body).toMatch(/<option value="idee"[^>]*>Idées<\/option>/);
  });

  it("never returns an idea awaiting pre-moderation, and finds it once a moderator approves it", async () => {
    const quartier = await createNeighbourhood(w.db);
    await w.db
      .insertInto("participation_spaces")
      .values({ space: `proposal:neighbourhood:${quartier.id}`, premoderation: true })
      .execute();
    const idea = await propose("Un potager suspendu", "Des bacs de xylophages comestibles accrochés aux balcons.", quartier.id);
    expect(await moderationOf(idea.id)).toBe("pending");
    expect(await found("potager")).toEqual([]);
    expect(await found("xylophages")).toEqual([]);
    const counts = await w.app.inject({ url: "/recherche?q=potager" });
    expect(counts.body).not.toContain("Un potager suspendu");
    expect(counts.body).not.toContain(idea.path);

    expect((await moderator.send(`/admin/participation/moderation/proposal/${idea.id}`, { decision: "approve" })).statusCode).toBe(303);
    expect(await found("potager")).toEqual([idea.path]);
  });

  it("drops an idea hidden by reports or by a moderator, and finds it again once approved", async () => {
    const quartier = await createNeighbourhood(w.db);
    await w.db
      .insertInto("participation_spaces")
      .values({ space: `proposal:neighbourhood:${quartier.id}`, report_threshold: 1 })
      .execute();
    const idea = await propose("Une fresque sur le château d’eau", "Inviter les graffeurs du quartier à peindre le château d’eau.", quartier.id);
    expect(await found("fresque")).toEqual([idea.path]);

    expect((await reporter.send(`/participation/signaler/idee/${idea.id}`, { reason: "Publicité déguisée pour un commerce" })).statusCode).toBeLessThan(400);
    expect(await moderationOf(idea.id)).toBe("hidden");
    expect(await found("fresque")).toEqual([]);
    expect(await found("graffeurs")).toEqual([]);

    expect((await moderator.send(`/admin/participation/moderation/proposal/${idea.id}`, { decision: "approve" })).statusCode).toBe(303);
    expect(await moderationOf(idea.id)).toBe("visible");
    expect(await found("graffeurs")).toEqual([idea.path]);

    expect((await moderator.send(`/admin/participation/moderation/proposal/${idea.id}`, { decision: "hide", reason: "Hors sujet" })).statusCode).toBe(303);
    expect(await moderationOf(idea.id)).toBe("hidden");
    expect(await found("fresque")).toEqual([]);
    const page = await w.app.inject({ url: "/recherche?q=fresque" });
    expect(page.body).not.toContain("Une fresque sur le château d’eau");
  });

  it("keeps an idea whose author's account is erased, and forgets a deleted idea", async () => {
    const gone = await createStaff(w, "resident");
    const res = await gone.agent.send("/participation/idees/nouvelle", {
      titre: "Une boîte à livres au square",
      description: "Une bibliothèque de rue en bois, ouverte à tous.",
      quartier: String(open.id),
    });
    expect(res.statusCode).toBe(303);
    const path = String(res.headers.location).replace(/\?.*$/, "");
    const id = Number(/idees\/(\d+)-/.exec(path)![1]);
    expect(await found("bibliothèque")).toEqual([path]);
    const user = await w.db.selectFrom("proposals").select("author_id").where("id", "=", id).executeTakeFirstOrThrow();
    await w.db.deleteFrom("users").where("id", "=", user.author_id!).execute();
    expect(await found("bibliothèque")).toEqual([path]);
    await w.db.deleteFrom("proposals").where("id", "=", id).execute();
    // A plain SQL delete invalidates no cache; the app's write paths do (search results are kept a minute per page cache generation).
    w.pageCache.invalidateTags(["search"]);
    expect(await found("bibliothèque")).toEqual([]);
  });
});
