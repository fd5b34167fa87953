// The editorial back office through HTTP: create, edit, sanitising, slugs and redirects,
// conflicts, autosave, workflow with scheduling, cache invalidation, revisions, previews.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../../../core/jobs/queue.js";
import { createArticle, createImage, createNeighbourhood, createPage, createSite, createTheme } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, signIn, type StaffMember } from "../../../../test/staff.js";
import { publishJobHandler, PUBLISH_JOB } from "../publishing.js";
import { ADMIN_COUNT_CAP, listAuthors } from "./queries.js";

let w: TestWorld;
let editor: StaffMember;
let contributor: StaffMember;

beforeAll(async () => {
  w = await createTestWorld({ now: new Date("2027-03-10T09:00:00Z") });
  await createSite(w.db);
  editor = await createStaff(w, "editor", { displayName: "Élise Éditrice" });
  contributor = await createStaff(w, "contributor", { displayName: "Camille Contributrice" });
});
afterAll(async () => w?.close());

function idFrom(location: unknown): number {
  const m = /^\/admin\/contenus\/(\d+)/.exec(String(location));
  if (!m) throw new Error(`Not an edit page: ${String(location)}`);
  return Number(m[1]);
}

async function item(id: number) {
  return w.db.selectFrom("content_items").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function events(id: number) {
  return w.db
    .selectFrom("audit_events")
    .select(["action", "actor_id", "target_label"])
    .where("target_type", "=", "content")
    .where("target_id", "=", String(id))
    .orderBy("id")
    .execute();
}

/** The form as the edit page would post it for the item now. */
async function formOf(id: number, changes: Record<string, string | string[]> = {}) {
  const row = await item(id);
  return { version: String(row.version), title: row.title, slug: row.slug, standfirst: row.standfirst, body: row.body, ...changes };
}

async function createAs(member: StaffMember, form: Record<string, string | string[]>, kind = "article") {
  const res = await member.agent.send(`/admin/contenus/nouveau?type=${kind}`, form);
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  return idFrom(res.headers.location);
}

describe("creating and editing", () => {
  it("creates a draft with a slug from the title, its themes and places, a revision and an audit event", async () => {
    const theme = await createTheme(w.db);
    const place = await createNeighbourhood(w.db);
    const res = await contributor.agent.send("/admin/contenus/nouveau?type=article", {
      title: "Fête de quartier à Fives : le programme",
      standfirst: "Rendez-vous samedi.",
      body: "<p>Bienvenue à tous.</p>",
      themes: [String(theme.id)],
      neighbourhoods: String(place.id),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/\?fait=cree$/);
    const id = idFrom(res.headers.location);
    const row = await item(id);
    expect(row).toMatchObject({
      kind: "article",
      status: "draft",
      slug: "fete-de-quartier-a-fives-le-programme",
      path: "/actualites/fete-de-quartier-a-fives-le-programme",
      author_id: contributor.id,
    });
    expect(await w.db.selectFrom("content_themes").select("theme_id").where("content_id", "=", id).execute()).toEqual([{ theme_id: theme.id }]);
    expect(await w.db.selectFrom("content_neighbourhoods").select("neighbourhood_id").where("content_id", "=", id).execute()).toEqual([
      { neighbourhood_id: place.id },
    ]);
    expect((await w.db.selectFrom("content_revisions").select("author_id").where("content_id", "=", id).execute()).map((r) => r.author_id)).toEqual([
      contributor.id,
    ]);
    expect(await events(id)).toEqual([{ action: "content.create", actor_id: contributor.id, target_label: "Fête de quartier à Fives : le programme" }]);
    const page = await contributor.agent.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Brouillon créé");
    expect(page.body).toContain(`data-autosave-url="/admin/contenus/${id}/brouillon"`);
    expect(page.body).toContain('data-slug-source="title"');
    expect(page.body).toMatch(/<textarea[^>]*name="body"[^>]*data-module="rich-text"|<textarea[^>]*data-module="rich-text"[^>]*name="body"/);
  });

  it("shows French errors next to the fields and keeps the values typed", async () => {
    const res = await editor.agent.send("/admin/contenus/nouveau?type=article", { title: "", slug: "Pas Valide !", standfirst: "Mon chapô gardé" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Saisissez un titre.");
    expect(res.body).toContain("L’adresse ne peut contenir que des lettres minuscules");
    expect(res.body).toContain('href="#champ-title"');
    expect(res.body).toContain("Mon chapô gardé");
    expect(res.body).toContain('value="Pas Valide !"');
  });

  it("strips hostile HTML from the body on save", async () => {
    const id = await createAs(editor, {
      title: "Article piégé",
      body: '<p>Texte<script>alert(1)</script></p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">lien</a><img src="data:image/png;base64,AAAA" alt="d"><p onclick="alert(4)">ok</p><a href="https://exemple.fr">sûr</a><a href="/page">relatif</a>',
    });
    const body = (await item(id)).body;
    expect(body).not.toMatch(/script|onerror|onclick|javascript:|data:/i);
    expect(body).toContain('<a href="https://exemple.fr">sûr</a>');
    expect(body).toContain('<a href="/page">relatif</a>');
    expect(body).toContain("<p>ok</p>");
  });

  it("refuses a hero image without alt, caption and credit, and accepts a complete one", async () => {
    const bare = await createImage(w.db, w.app.deps.mediaDir, { alt: "Vue du parc", caption: "", credit: "" });
    const full = await createImage(w.db, w.app.deps.mediaDir, { alt: "Le marché de Wazemmes", caption: "Le marché", credit: "Ville / J. Dupont" });
    const id = await createAs(editor, { title: "Avec image" });
    const refused = await editor.agent.send(`/admin/contenus/${id}`, await formOf(id, { hero: String(bare) }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("complétez-les dans la médiathèque");
    const page = await editor.agent.get(`/admin/contenus/${id}`);
    expect(page.body).toContain("Le marché de Wazemmes");
    expect(page.body).toContain('href="/admin/medias/nouveau"');
    const ok = await editor.agent.send(`/admin/contenus/${id}`, await formOf(id, { hero: String(full) }));
    expect(ok.statusCode).toBe(303);
    expect((await item(id)).hero_media_id).toBe(full);
  });

  it("pins up to three 'Lire aussi' items by their public address", async () => {
    const a = await createArticle(w.db, { title: "Recommandé A" });
    const b = await createArticle(w.db, { title: "Recommandé B" });
    const id = await createAs(editor, { title: "Avec recommandations" });
    const bad = await editor.agent.send(`/admin/contenus/${id}`, await formOf(id, { related1: "/actualites/nexiste-pas" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Aucun contenu à cette adresse");
    const ok = await editor.agent.send(`/admin/contenus/${id}`, await formOf(id, { related1: `${w.config.publicUrl}${b.path}`, related2: a.path }));
    expect(ok.statusCode).toBe(303);
    expect(
      (await w.db.selectFrom("content_related").select("related_id").where("content_id", "=", id).orderBy("position").execute()).map((r) => r.related_id),
    ).toEqual([b.id, a.id]);
  });

  it("places a page under a parent page and refuses to place it under itself", async () => {
    const parent = await createPage(w.db, { title: "Solidarité", slug: "solidarite-test" });
    const id = await createAs(editor, { title: "Aide alimentaire", parent: String(parent.id) }, "page");
    expect((await item(id)).path).toBe("/solidarite-test/aide-alimentaire");
    const self = await editor.agent.send(`/admin/contenus/${id}`, await formOf(id, { parent: String(id) }));
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain("sous elle-même");
  });
});

describe("slugs", () => {
  it("makes generated slugs unique, refuses a taken slug typed by hand, and redirects an old published address (301)", async () => {
    const first = await createAs(editor, { title: "Budget participatif" });
    const second = await createAs(editor, { title: "Budget participatif" });
    expect((await item(second)).slug).toBe("budget-participatif-2");
    const taken = await editor.agent.send(`/admin/contenus/${second}`, await formOf(second, { slug: "budget-participatif" }));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("Cette adresse est déjà utilisée par « Budget participatif »");

    expect((await editor.agent.send(`/admin/contenus/${first}/publier`)).statusCode).toBe(303);
    expect((await w.app.inject({ url: "/actualites/budget-participatif" })).statusCode).toBe(200);
    const renamed = await editor.agent.send(`/admin/contenus/${first}`, await formOf(first, { slug: "budget-participatif-2027" }));
    expect(renamed.statusCode).toBe(303);
    const old = await w.app.inject({ url: "/actualites/budget-participatif" });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/actualites/budget-participatif-2027");
    expect((await w.app.inject({ url: "/actualites/budget-participatif-2027" })).statusCode).toBe(200);
  });
});

describe("concurrent edits", () => {
  it("gives the second save a conflict page with both versions and overwrites nothing", async () => {
    const other = await createStaff(w, "editor", { displayName: "Bruno Relecteur" });
    const id = await createAs(editor, { title: "Horaires de la mairie", body: "<p>Ouvert de 9 h à 17 h.</p>" });
    const loaded = await formOf(id);
    const first = await editor.agent.send(`/admin/contenus/${id}`, { ...loaded, body: "<p>Ouvert de 8 h 30 à 17 h.</p>" });
    expect(first.statusCode).toBe(303);
    const second = await other.agent.send(`/admin/contenus/${id}`, { ...loaded, body: "<p>Ouvert de 9 h à 18 h.</p>" });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Conflit de modification");
    expect(second.body).toContain("Élise Éditrice");
    expect(second.body).toContain("Ouvert de 8 h 30 à 17 h."); // the saved version
    expect(second.body).toContain("Ouvert de 9 h à 18 h."); // theirs
    expect((await item(id)).body).toBe("<p>Ouvert de 8 h 30 à 17 h.</p>");
    // the refused text is kept in the history
    const kept = await w.db
      .selectFrom("content_revisions")
      .select(["body", "origin", "author_id"])
      .where("content_id", "=", id)
      .where("origin", "=", "conflict")
      .execute();
    expect(kept).toEqual([{ body: "<p>Ouvert de 9 h à 18 h.</p>", origin: "conflict", author_id: other.id }]);
  });
});

describe("forms shown again", () => {
  it("keeps the version the form was loaded with after a validation error, so a later save still meets the conflict", async () => {
    const other = await createStaff(w, "editor", { displayName: "Bruno Relecteur" });
    const id = await createAs(editor, { title: "Collecte des encombrants", body: "<p>Le mardi.</p>" });
    const loaded = await formOf(id);
    expect((await other.agent.send(`/admin/contenus/${id}`, { ...loaded, body: "<p>Le jeudi.</p>" })).statusCode).toBe(303);
    const invalid = await editor.agent.send(`/admin/contenus/${id}`, { ...loaded, title: "", body: "<p>Le mercredi.</p>" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain(`name="version" value="${loaded.version}"`);
    const fixed = await editor.agent.send(`/admin/contenus/${id}`, { ...loaded, body: "<p>Le mercredi.</p>" });
    expect(fixed.statusCode).toBe(409);
    expect((await item(id)).body).toBe("<p>Le jeudi.</p>");
  });

  it("searches the hero images without saving anything, keeping what was typed", async () => {
    const media = `${w.dataDir}/media`;
    await createImage(w.db, media, { alt: "Le beffroi illuminé", caption: "Le beffroi un soir d’hiver.", credit: "Photo Ville" });
    await createImage(w.db, media, { alt: "Un marché couvert", caption: "Le marché du samedi.", credit: "Photo Ville" });
    await createImage(w.db, media, { alt: "Un beffroi sans légende", caption: "", credit: "Photo Ville" });
    const id = await createAs(editor, { title: "Les Journées du patrimoine" });
    const before = await item(id);
    const res = await editor.agent.send(
      `/admin/contenus/${id}`,
      await formOf(id, { title: "Titre pas encore enregistré", image_q: "BEFFROI", chercher_images: "1" }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Le beffroi illuminé");
    expect(res.body).not.toContain("Un marché couvert");
    expect(res.body).not.toContain("Un beffroi sans légende"); // incomplete: not offered
    expect(res.body).toContain('value="Titre pas encore enregistré"');
    expect(res.body).toContain(`name="version" value="${before.version}"`);
    const after = await item(id);
    expect({ title: after.title, version: after.version }).toEqual({ title: before.title, version: before.version });
    // On a new item too
    const fresh = await editor.agent.send("/admin/contenus/nouveau?type=article", { title: "Nouveau", image_q: "marché", chercher_images: "1" });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toContain("Un marché couvert");
    expect(fresh.body).not.toContain("Le beffroi illuminé");
  });
});

describe("autosave", () => {
  const json = { accept: "application/json" };

  it("saves a draft and answers with the new version, without a revision per call", async () => {
    const id = await createAs(contributor, { title: "Brouillon autosauvé" });
    const revisionsBefore = (await w.db.selectFrom("content_revisions").select("id").where("content_id", "=", id).execute()).length;
    const r1 = await contributor.agent.send(`/admin/contenus/${id}/brouillon`, await formOf(id, { body: "<p>Premier jet</p>" }), json);
    expect(r1.statusCode).toBe(200);
    const b1 = r1.json();
    expect(b1).toMatchObject({ version: 2, message: "Brouillon enregistré à 10 h 00" });
    expect(new Date(b1.savedAt).toISOString()).toBe(w.clock.now.toISOString());
    const r2 = await contributor.agent.send(`/admin/contenus/${id}/brouillon`, { ...(await formOf(id)), body: "<p>Deuxième jet</p>", version: "2" }, json);
    expect(r2.json().version).toBe(3);
    const revisions = await w.db.selectFrom("content_revisions").select(["origin", "body"]).where("content_id", "=", id).orderBy("id").execute();
    expect(revisions.length).toBe(revisionsBefore + 1);
    expect(revisions.at(-1)).toEqual({ origin: "autosave", body: "<p>Deuxième jet</p>" });
  });

  it("answers 409 with a conflict URL on a stale version, 400 with field errors, 422 on published items", async () => {
    const id = await createAs(editor, { title: "Autosave en conflit" });
    const stale = await formOf(id);
    await editor.agent.send(`/admin/contenus/${id}`, { ...stale, title: "Titre changé" });
    const conflict = await editor.agent.send(`/admin/contenus/${id}/brouillon`, stale, json);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers["content-type"]).toContain("application/problem+json");
    const body = conflict.json();
    expect(body.detail).toMatch(/^Ce contenu a été modifié par Élise Éditrice/);
    const page = await editor.agent.get(body.conflictUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Conflit de modification");

    const invalid = await editor.agent.send(`/admin/contenus/${id}/brouillon`, await formOf(id, { title: "" }), json);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual({ title: "Saisissez un titre." });

    await editor.agent.send(`/admin/contenus/${id}/publier`);
    const published = await editor.agent.send(`/admin/contenus/${id}/brouillon`, await formOf(id, { title: "Ne doit pas partir" }), json);
    expect(published.statusCode).toBe(422);
    expect(published.json().detail).toContain("désactivé pour un contenu publié");
    expect((await item(id)).title).toBe("Titre changé");
  });
});

describe("workflow", () => {
  it("goes draft -> review (contributor) -> published (editor), recording each step", async () => {
    const id = await createAs(contributor, { title: "Nouvelle ludothèque" });
    expect((await contributor.agent.send(`/admin/contenus/${id}/publier`)).statusCode).toBe(403);
    expect((await contributor.agent.send(`/admin/contenus/${id}/soumettre`)).headers.location).toBe(`/admin/contenus/${id}?fait=soumis`);
    expect((await item(id)).status).toBe("review");
    // the contributor may still edit it in review, not once published
    expect((await contributor.agent.send(`/admin/contenus/${id}`, await formOf(id, { title: "Nouvelle ludothèque à Moulins" }))).statusCode).toBe(303);
    expect((await editor.agent.send(`/admin/contenus/${id}/publier`)).statusCode).toBe(303);
    expect(await item(id)).toMatchObject({ status: "published", published_at: w.clock.now });
    expect((await contributor.agent.get(`/admin/contenus/${id}`)).statusCode).toBe(403);
    expect((await w.app.inject({ url: "/actualites/nouvelle-ludotheque" })).body).toContain("Nouvelle ludothèque à Moulins");
    expect((await events(id)).map((e) => e.action)).toEqual(["content.create", "content.submit", "content.update", "content.publish"]);
    // clicking "publish" twice changes nothing more
    await editor.agent.send(`/admin/contenus/${id}/publier`);
    expect((await events(id)).filter((e) => e.action === "content.publish")).toHaveLength(1);
  });

  it("unpublishes, archives and deletes after confirmation", async () => {
    const id = await createAs(editor, { title: "Article éphémère" });
    await editor.agent.send(`/admin/contenus/${id}/publier`);
    const path = (await item(id)).path;
    expect((await w.app.inject({ url: path })).statusCode).toBe(200);
    expect((await editor.agent.send(`/admin/contenus/${id}/depublier`)).statusCode).toBe(303);
    expect((await item(id)).status).toBe("unpublished");
    expect((await w.app.inject({ url: path })).statusCode).toBe(404);
    await editor.agent.send(`/admin/contenus/${id}/archiver`);
    expect((await item(id)).status).toBe("archived");
    const confirm = await editor.agent.get(`/admin/contenus/${id}/supprimer`);
    expect(confirm.body).toContain("Supprimer définitivement");
    expect((await editor.agent.send(`/admin/contenus/${id}/supprimer`, {})).statusCode).toBe(400);
    expect((await editor.agent.send(`/admin/contenus/${id}/supprimer`, { confirm: "oui" })).headers.location).toBe("/admin/contenus");
    expect(await w.db.selectFrom("content_items").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    expect((await events(id)).map((e) => e.action)).toEqual(["content.create", "content.publish", "content.unpublish", "content.archive", "content.delete"]);
  });

  it("schedules in Europe/Paris time, refuses a past date, and publishes through the job queue (also in lists)", async () => {
    const theme = await createTheme(w.db);
    const id = await createAs(editor, { title: "Conseil de quartier programmé", themes: [String(theme.id)] });
    const past = await editor.agent.send(`/admin/contenus/${id}/programmer`, { date: "2027-03-09", time: "10:00" });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("Cette date est passée");
    expect(past.body).toContain('value="2027-03-09"');
    const res = await editor.agent.send(`/admin/contenus/${id}/programmer`, { date: "2027-03-12", time: "14:30" });
    expect(res.statusCode).toBe(303);
    const row = await item(id);
    expect(row.status).toBe("scheduled");
    expect(row.scheduled_at?.toISOString()).toBe("2027-03-12T13:30:00.000Z"); // UTC+1 in March
    const list = await editor.agent.get("/admin/contenus?statut=scheduled");
    expect(list.body).toContain("Conseil de quartier programmé");
    expect(list.body).toContain("12 mars 2027 à 14 h 30");

    await w.app.inject({ url: `/themes/${theme.slug}` }); // cached without it
    const handlers = { [PUBLISH_JOB]: publishJobHandler(w.app.deps) };
    const saved = w.clock.now;
    try {
      w.clock.now = new Date("2027-03-12T13:29:00Z");
      await runDueJobs(w.db, handlers, w.clock.now);
      expect((await item(id)).status).toBe("scheduled");
      w.clock.now = new Date("2027-03-12T13:30:30Z");
      expect((await runDueJobs(w.db, handlers, w.clock.now)).done).toBe(1);
      expect((await item(id)).status).toBe("published");
      expect((await w.app.inject({ url: `/themes/${theme.slug}` })).body).toContain("Conseil de quartier programmé");
      expect((await w.app.inject({ url: "/actualites" })).body).toContain("Conseil de quartier programmé");
      expect((await events(id)).map((e) => e.action)).toEqual(["content.create", "content.schedule", "content.publish"]);
    } finally {
      w.clock.now = saved;
    }
  });

  it("handles summer time and the hour that does not exist", async () => {
    const id = await createAs(editor, { title: "Programmé en été" });
    expect((await editor.agent.send(`/admin/contenus/${id}/programmer`, { date: "2027-03-28", time: "02:30" })).body).toContain(
      "Cette date ou cette heure n’existe pas",
    );
    await editor.agent.send(`/admin/contenus/${id}/programmer`, { date: "2027-07-14", time: "09:00" });
    expect((await item(id)).scheduled_at?.toISOString()).toBe("2027-07-14T07:00:00.000Z");
    // cancelling the schedule makes it a draft again and drops the job
    await editor.agent.send(`/admin/contenus/${id}/depublier`);
    expect((await item(id)).status).toBe("draft");
    const jobs = await w.db
      .selectFrom("jobs")
      .select("id")
      .where("kind", "=", PUBLISH_JOB)
      .where("done_at", "is", null)
      .where("payload", "@>", JSON.stringify({ contentId: id }) as never)
      .execute();
    expect(jobs).toEqual([]);
  });
});

describe("cache invalidation", () => {
  it("a cached public page shows the new title after an editor's save", async () => {
    const id = await createAs(editor, { title: "Titre avant" });
    await editor.agent.send(`/admin/contenus/${id}/publier`);
    const path = (await item(id)).path;
    expect((await w.app.inject({ url: path })).body).toContain("Titre avant");
    const cached = await w.app.inject({ url: path });
    expect(cached.headers["x-cache"]).toBe("hit");
    expect((await w.app.inject({ url: "/actualites" })).body).toContain("Titre avant");
    await editor.agent.send(`/admin/contenus/${id}`, await formOf(id, { title: "Titre après" }));
    const fresh = await w.app.inject({ url: path });
    expect(fresh.body).toContain("Titre après");
    expect(fresh.body).not.toContain("Titre avant");
    expect((await w.app.inject({ url: "/actualites" })).body).toContain("Titre après");
  });
});

describe("revisions", () => {
  it("lists revisions with who and when, shows a word diff, and restores a version as a new revision", async () => {
    const id = await createAs(editor, { title: "Piscine", body: "<p>La piscine ouvre lundi.</p>" });
    await editor.agent.send(`/admin/contenus/${id}`, await formOf(id, { body: "<p>La piscine ouvre mardi.</p>" }));
    const revs = await w.db.selectFrom("content_revisions").select("id").where("content_id", "=", id).orderBy("id").execute();
    const page = await editor.agent.get(`/admin/contenus/${id}/revisions`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Élise Éditrice");
    expect(page.body).toMatch(/<del>.*lundi\..*<\/del>/s);
    expect(page.body).toMatch(/<ins>.*mardi\..*<\/ins>/s);
    const version = String((await item(id)).version);
    const restored = await editor.agent.send(`/admin/contenus/${id}/revisions/${revs[0]!.id}/restaurer`, { version });
    expect(restored.headers.location).toBe(`/admin/contenus/${id}?fait=restaure`);
    expect((await item(id)).body).toBe("<p>La piscine ouvre lundi.</p>");
    const after = await w.db.selectFrom("content_revisions").select("origin").where("content_id", "=", id).orderBy("id").execute();
    expect(after.map((r) => r.origin)).toEqual(["save", "save", "restore"]);
    expect((await events(id)).map((e) => e.action)).toContain("content.restore");
    // a stale restore form is refused
    const stale = await editor.agent.send(`/admin/contenus/${id}/revisions/${revs[1]!.id}/restaurer`, { version });
    expect(stale.statusCode).toBe(409);
    expect((await item(id)).body).toBe("<p>La piscine ouvre lundi.</p>");
  });
});

describe("previews", () => {
  it("shows a draft to staff, and through a private link (noindex, no cache) until it is revoked", async () => {
    const id = await createAs(editor, { title: "Projet secret", body: "<p>Pas encore public.</p>" });
    const staff = await editor.agent.get(`/admin/contenus/${id}/apercu`);
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain("Pas encore public.");
    expect(staff.body).toContain("(statut : Brouillon)");
    expect(staff.body).toContain('<meta name="robots" content="noindex"/>');
    expect((await w.app.inject({ url: "/actualites/projet-secret" })).statusCode).toBe(404);

    const created = await editor.agent.send(`/admin/contenus/${id}/lien-apercu`);
    const url = /value="(https:\/\/portail\.test\/apercu\/[A-Za-z0-9_-]{43})"/.exec(created.body)?.[1];
    expect(url).toBeTruthy();
    const shared = await w.app.inject({ url: url!.replace("https://portail.test", "") });
    expect(shared.statusCode).toBe(200);
    expect(shared.body).toContain("Pas encore public.");
    expect(shared.body).toContain("<strong>Aperçu</strong>");
    expect(shared.headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(shared.headers["cache-control"]).toBe("private, no-store");
    const stored = await item(id);
    expect(stored.preview_token_hash).not.toContain(url!.split("/").at(-1));

    await editor.agent.send(`/admin/contenus/${id}/lien-apercu/revoquer`);
    expect((await w.app.inject({ url: url!.replace("https://portail.test", "") })).statusCode).toBe(404);
    expect((await w.app.inject({ url: "/apercu/pas-un-jeton" })).statusCode).toBe(404);
  });

  it("renders exactly the published page: the same main content, places and 'Lire aussi', plus the banner", async () => {
    const theme = await createTheme(w.db, { name: "Sport" });
    const place = await createNeighbourhood(w.db, { name: "Moulins" });
    for (let i = 0; i < 3; i++) await createArticle(w.db, { title: `Voisin sportif ${i}`, themeIds: [theme.id] });
    const id = await createAs(editor, {
      title: "Tournoi de quartier",
      standfirst: "Inscriptions ouvertes.",
      body: "<p>Rendez-vous au gymnase.</p>",
      themes: [String(theme.id)],
      neighbourhoods: [String(place.id)],
    });
    expect((await editor.agent.send(`/admin/contenus/${id}/publier`)).statusCode).toBe(303);
    const created = await editor.agent.send(`/admin/contenus/${id}/lien-apercu`);
    const link = /value="https:\/\/portail\.test(\/apercu\/[A-Za-z0-9_-]{43})"/.exec(created.body)![1]!;
    // Both anonymous, so that the page frame around the item is the same too.
    const published = await w.app.inject({ url: (await item(id)).path });
    const preview = await w.app.inject({ url: link });
    expect(published.statusCode).toBe(200);
    expect(preview.statusCode).toBe(200);
    const main = (html: string) => /<article class="item"[\s\S]*<\/main>/.exec(html)?.[0] ?? "";
    expect(main(published.body)).toContain("Rendez-vous au gymnase.");
    expect(main(published.body)).toContain(`href="/quartiers/${place.slug}"`);
    expect(main(published.body)).toContain("Lire aussi");
    expect(main(published.body)).toContain("Voisin sportif");
    // The cards' favourite buttons bring the visitor back to the page they are on after
    // signing in; a preview's address is its token, so its sign-in links carry no "retour"
    // (lib/return-path.ts): the one difference, once return addresses are set aside.
    const path = (await item(id)).path;
    expect(preview.body).not.toContain(encodeURIComponent(link));
    const comparable = (html: string) =>
      main(html)
        .replaceAll(link, path)
        .replace(/retour=[^&"]*(&amp;)?/g, "");
    expect(comparable(preview.body)).toBe(comparable(published.body));
    expect(preview.body).toContain("(statut : Publié)");
    expect(published.body).not.toContain("preview-banner");
  });

  it("expires a private link after seven days", async () => {
    const id = await createAs(editor, { title: "Lien qui expire" });
    const created = await editor.agent.send(`/admin/contenus/${id}/lien-apercu`);
    const path = /value="https:\/\/portail\.test(\/apercu\/[A-Za-z0-9_-]{43})"/.exec(created.body)![1]!;
    const saved = w.clock.now;
    try {
      w.clock.now = new Date(saved.getTime() + 8 * 86_400_000);
      expect((await w.app.inject({ url: path })).statusCode).toBe(404);
    } finally {
      w.clock.now = saved;
      await signIn(w, editor.agent, editor.id);
    }
  });
});

describe("list", () => {
  it("searches titles without accents, filters by kind, status, theme, place and author, and paginates", async () => {
    const theme = await createTheme(w.db);
    const place = await createNeighbourhood(w.db);
    const mine = await createAs(contributor, { title: "Éco-quartier de la Lainière", themes: [String(theme.id)], neighbourhoods: [String(place.id)] });
    await createAs(editor, { title: "Autre sujet de la Lainière" });
    const byText = await editor.agent.get("/admin/contenus?q=eco-quartier");
    expect(byText.body).toContain("Éco-quartier de la Lainière");
    expect(byText.body).not.toContain("Autre sujet de la Lainière");
    const byTheme = await editor.agent.get(`/admin/contenus?theme=${theme.id}&quartier=${place.id}&auteur=${contributor.id}&type=article&statut=draft`);
    expect(byTheme.body).toContain(`/admin/contenus/${mine}"`);
    expect(byTheme.body).toContain("1 contenu");
    const wildcard = await editor.agent.get("/admin/contenus?q=%25");
    expect(wildcard.body).toContain("Aucun contenu ne correspond.");
    for (let i = 0; i < 26; i++) await createArticle(w.db, { title: `Remplissage ${i}` });
    const first = await editor.agent.get("/admin/contenus");
    expect(first.body).toContain('aria-label="Pagination"');
    expect((await editor.agent.get("/admin/contenus?page=2")).statusCode).toBe(200);
    expect((await editor.agent.get("/admin/contenus?page=999")).statusCode).toBe(404);
    // the author filter offers the people who wrote something, each once, and nobody else
    const nobody = await createStaff(w, "editor");
    const authors = await listAuthors(w.db);
    expect(authors.filter((a) => a.id === contributor.id)).toHaveLength(1);
    expect(authors.filter((a) => a.id === editor.id)).toHaveLength(1);
    expect(authors.some((a) => a.id === nobody.id)).toBe(false);
  });

  it("stops counting past 1 000 matches, says so, and pages through the first 1 000", async () => {
    const word = `masse${Date.now()}`;
    // Written in one statement: 1 001 drafts whose titles hold the same word.
    await sql`
      insert into content_items (kind, slug, path, title, standfirst, body, status)
      select 'article', ${word} || '-' || g, '/actualites/' || ${word} || '-' || g, 'Brouillon ' || ${word} || ' ' || g, '', '', 'draft'
      from generate_series(1, ${ADMIN_COUNT_CAP + 1}::int) g`.execute(w.db);
    const res = await editor.agent.get(`/admin/contenus?q=${word}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Plus de 1\u202f000 contenus");
    expect(res.body).toContain("page 1 sur 40");
    expect((await editor.agent.get(`/admin/contenus?q=${word}&page=40`)).statusCode).toBe(200);
    expect((await editor.agent.get(`/admin/contenus?q=${word}&page=41`)).statusCode).toBe(404);
    // The oldest first reaches the other end of the same list.
    expect((await editor.agent.get(`/admin/contenus?q=${word}&tri=ancien`)).body).toContain(`Brouillon ${word} 1<`);
    await sql`delete from content_items where slug like ${`${word}-%`}`.execute(w.db);
    expect((await editor.agent.get(`/admin/contenus?q=${word}`)).body).toContain("Aucun contenu ne correspond.");
  });
});
