// Comments and their moderation through HTTP, on a real database: who may do what (the
// permission table), other people's comments (IDOR), hostile text rendered escaped, replies,
// the 15-minute edit window, anti-abuse limits, reports hiding a comment, the moderators'
// decisions (audited, told to the author on site and by e-mail), pre-moderation, blocks,
// notifications, and the page cache of anonymous pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../../test/agent.js";
import { createAction, createNeighbourhood, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffMember } from "../../../../test/staff.js";
import type { Role } from "../../../core/auth/roles.js";
import { nextModeration } from "../moderation/service.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

const OLD = new Date(Date.now() - 30 * 86_400_000);

/** A member of the role with a verified address; residents' accounts are a month old (no new-account link limit). */
async function member(role: Role, opts: { verified?: boolean; created?: Date } = {}): Promise<StaffMember> {
  const m = await createStaff(w, role);
  await w.db
    .updateTable("users")
    .set({ created_at: opts.created ?? OLD, ...(opts.verified === false ? { email_verified_at: null } : {}) })
    .where("id", "=", m.id)
    .execute();
  return m;
}

async function newAction() {
  const a = await createAction(w.db);
  return { ...a, path: `/politique-de-la-ville/actions/${a.slug}` };
}

let seq = 0;
async function comment(m: StaffMember, actionId: number, extra: Record<string, string> = {}) {
  const body = extra.body ?? `Un avis sur cette action, numéro ${++seq}.`;
  const res = await m.agent.send("/participation/commentaires", { cible: "action", id: String(actionId), ...extra, body });
  return res;
}

async function lastCommentBy(userId: number) {
  return w.db.selectFrom("participation_comments").selectAll().where("author_id", "=", userId).orderBy("id", "desc").executeTakeFirstOrThrow();
}

describe("who may comment, report and moderate", () => {
  it("follows the permission table for every action, role by role", async () => {
    const action = await newAction();
    const author = await member("resident");
    expect((await comment(author, action.id)).statusCode).toBe(303);
    const target = await lastCommentBy(author.id);
    // every role reports it: no threshold may hide it on the way
    await w.db
      .insertInto("participation_spaces")
      .values({ space: `comment:action:${action.id}`, report_threshold: 100 })
      .execute();
    // An organisation member is a resident who belongs to an organisation: same rights here.
    const org = await w.db
      .insertInto("organisations")
      .values({ slug: `asso-${Date.now()}`, name: "Asso du quartier", kind: "association" })
      .returning("id")
      .executeTakeFirstOrThrow();

    type Who = "anonymous" | "unverified" | "resident" | "organisation member" | "mediator" | "moderator" | "editor" | "admin";
    const whos: Who[] = ["anonymous", "unverified", "resident", "organisation member", "mediator", "moderator", "editor", "admin"];
    const expected: Record<string, Who[]> = {
      comment: ["resident", "organisation member", "mediator", "moderator", "editor", "admin"],
      report: ["resident", "organisation member", "mediator", "moderator", "editor", "admin"],
      queue: ["moderator", "admin"],
      settings: ["moderator", "admin"],
      blocks: ["moderator", "admin"],
      decide: ["moderator", "admin"],
      configure: ["moderator", "admin"],
      block: ["moderator", "admin"],
      inbox: ["unverified", "resident", "organisation member", "mediator", "moderator", "editor", "admin"],
    };
    const seen: Record<string, Who[]> = { comment: [], report: [], queue: [], settings: [], blocks: [], decide: [], configure: [], block: [], inbox: [] };
    const victim = await member("resident");
    // allowed: anything but a refusal (403) or a trip to the sign-in page
    const through = (res: { statusCode: number; headers: Record<string, unknown> }) =>
      res.statusCode !== 403 && res.statusCode !== 401 && !String(res.headers.location ?? "").startsWith("/compte/connexion");
    for (const who of whos) {
      const m =
        who === "anonymous"
          ? null
          : await member(who === "unverified" || who === "organisation member" ? "resident" : (who as Role), { verified: who !== "unverified" });
      if (m && who === "organisation member") await w.db.insertInto("participation_memberships").values({ organisation_id: org.id, user_id: m.id }).execute();
      const agent = m?.agent ?? new Agent(w.app);
      const send = (url: string, form: Record<string, string>) => (m ? m.agent.send(url, form) : agent.post(url, form));
      const posted = await send("/participation/commentaires", { cible: "action", id: String(action.id), body: `Avis de ${who}, sur cette action.` });
      if (posted.statusCode === 303 && !String(posted.headers.location).startsWith("/compte/connexion")) seen.comment!.push(who);
      const reported = await send(`/participation/signaler/commentaire/${target.id}`, { reason: `Signalement par ${who}` });
      if (reported.statusCode === 200) seen.report!.push(who);
      for (const [name, url] of [
        ["queue", "/admin/participation/moderation"],
        ["settings", "/admin/participation/reglages"],
        ["blocks", "/admin/participation/suspensions"],
      ] as const) {
        if ((await agent.get(url)).statusCode === 200) seen[name]!.push(who);
      }
      if (through(await agent.get("/compte/notifications"))) seen.inbox!.push(who);
      if (through(await send(`/admin/participation/moderation/comment/${target.id}`, { decision: "approve" }))) seen.decide!.push(who);
      if (through(await send("/admin/participation/reglages", { space: "comment:neighbourhood", reportThreshold: "3" }))) seen.configure!.push(who);
      if (through(await send(`/admin/participation/comptes/${victim.id}/suspendre`, { days: "1", reason: "Essai du tableau" }))) seen.block!.push(who);
      if (m) await w.db.updateTable("participation_blocks").set({ lifted_at: new Date() }).where("user_id", "=", victim.id).execute();
    }
    expect(seen).toEqual(expected);
  });

  it("sends visitors to sign in, and tells an unverified account why it cannot comment", async () => {
    const action = await newAction();
    const page = await new Agent(w.app).get(action.path);
    expect(page.body).toContain("Connectez-vous</a> ou créez un compte pour commenter");
    expect(page.body).not.toContain('action="/participation/commentaires"');
    const unverified = await member("resident", { verified: false });
    const own = await unverified.agent.get(action.path);
    expect(own.body).toContain("Confirmez d’abord votre adresse électronique");
    const res = await comment(unverified, action.id);
    expect(res.statusCode).toBe(403);
    expect(await w.db.selectFrom("participation_comments").select("id").where("author_id", "=", unverified.id).execute()).toHaveLength(0);
  });
});

describe("comments on a page", () => {
  it("shows name, chosen quartier and date; renders hostile text escaped, with addresses as nofollow ugc links", async () => {
    const action = await newAction();
    const n = await createNeighbourhood(w.db, { name: "Fives" });
    const resident = await member("resident");
    const body = `<script>alert(1)</script> <img src=x onerror=alert(2)> "quoted" & more\n\nVoir https://exemple.fr/page?a=1&b=2. Et javascript:alert(3)`;
    const res = await comment(resident, action.id, { body, quartier: String(n.id) });
    expect(res.statusCode).toBe(303);
    const c = await lastCommentBy(resident.id);
    expect(res.headers.location).toBe(`${action.path}#commentaire-${c.id}`);
    const html = (await new Agent(w.app).get(action.path)).body;
    expect(html).toContain(`id="commentaire-${c.id}"`);
    expect(html).toContain("(Fives)");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(2)> &quot;quoted&quot; &amp; more");
    expect(html).toContain('<a href="https://exemple.fr/page?a=1&amp;b=2" rel="nofollow ugc">https://exemple.fr/page?a=1&amp;b=2</a>.');
    expect(html).not.toContain('href="javascript:');
    expect(html).toMatch(/<time dateTime="[^"]+">/i);
  });

  it("takes one level of replies, on the same page only, and tells the parent's author", async () => {
    const action = await newAction();
    const other = await newAction();
    const a = await member("resident");
    const b = await member("resident");
    await comment(a, action.id);
    const parent = await lastCommentBy(a.id);
    expect((await comment(b, action.id, { reponse: String(parent.id) })).statusCode).toBe(303);
    const reply = await lastCommentBy(b.id);
    expect(reply.parent_id).toBe(parent.id);
    // a reply to a reply, or to a comment of another page, is refused
    const deeper = await comment(a, action.id, { reponse: String(reply.id) });
    expect(deeper.statusCode).toBe(400);
    expect(deeper.body).toContain("On ne peut plus répondre à ce commentaire.");
    expect((await comment(a, other.id, { reponse: String(parent.id) })).statusCode).toBe(404);
    const inbox = await a.agent.get("/compte/notifications");
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain("a répondu à votre commentaire");
    expect(inbox.body).toContain(`#commentaire-${reply.id}`);
    // the reply form page works without JavaScript
    const form = await b.agent.get(`/participation/commentaires/${parent.id}/repondre`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="reponse"');
  });

  it("shows the form again with the French error next to the field, and answers a script in JSON", async () => {
    const action = await newAction();
    const resident = await member("resident");
    const empty = await comment(resident, action.id, { body: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="champ-body-erreur"');
    expect(empty.body).toContain("Écrivez votre commentaire.");
    const long = await comment(resident, action.id, { body: "a".repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("2001 caractères");
    const json = await resident.agent.send(
      "/participation/commentaires",
      { cible: "action", id: String(action.id), body: "Par le script, sans rechargement." },
      { accept: "application/json" },
    );
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ ok: true, moderation: "visible" });
    const bad = await resident.agent.send("/participation/commentaires", { cible: "action", id: String(action.id), body: "" }, { accept: "application/json" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ errors: { body: "Écrivez votre commentaire." } });
    expect((await comment(resident, 99_999_999)).statusCode).toBe(404);
  });

  it("lets the author edit within 15 minutes and delete at any time; another account's comment is a 404", async () => {
    const action = await newAction();
    const author = await member("resident");
    const intruder = await member("resident");
    const moderator = await member("moderator");
    await comment(author, action.id, { body: "Première version du texte." });
    const c = await lastCommentBy(author.id);
    for (const m of [intruder, moderator]) {
      expect((await m.agent.get(`/participation/commentaires/${c.id}/modifier`)).statusCode).toBe(404);
      expect((await m.agent.send(`/participation/commentaires/${c.id}/modifier`, { body: "Texte changé par un autre." })).statusCode).toBe(404);
      expect((await m.agent.send(`/participation/commentaires/${c.id}/supprimer`)).statusCode).toBe(404);
    }
    expect((await lastCommentBy(author.id)).body).toBe("Première version du texte.");
    const edit = await author.agent.send(`/participation/commentaires/${c.id}/modifier`, { body: "Deuxième version du texte." });
    expect(edit.statusCode).toBe(303);
    expect((await lastCommentBy(author.id)).body).toBe("Deuxième version du texte.");
    expect((await new Agent(w.app).get(action.path)).body).toContain("modifié");
    const saved = w.clock.now;
    try {
      w.clock.now = new Date(saved.getTime() + 16 * 60_000);
      const late = await author.agent.send(`/participation/commentaires/${c.id}/modifier`, { body: "Trop tard pour changer." });
      expect(late.statusCode).toBe(400);
      expect(late.body).toContain("dans les 15 minutes");
      expect((await author.agent.send(`/participation/commentaires/${c.id}/supprimer`)).statusCode).toBe(303);
    } finally {
      w.clock.now = saved;
    }
    const row = await lastCommentBy(author.id);
    expect(row.deleted_at).not.toBeNull();
    expect(row.body).toBe("");
    expect((await new Agent(w.app).get(action.path)).body).not.toContain("Deuxième version");
  });

  it("keeps a deleted comment with replies as « Contribution supprimée »", async () => {
    const action = await newAction();
    const a = await member("resident");
    const b = await member("resident");
    await comment(a, action.id, { body: "Un texte qui va partir." });
    const parent = await lastCommentBy(a.id);
    await comment(b, action.id, { reponse: String(parent.id), body: "Une réponse qui reste." });
    await a.agent.send(`/participation/commentaires/${parent.id}/supprimer`);
    const html = (await new Agent(w.app).get(action.path)).body;
    expect(html).toContain("Contribution supprimée.");
    expect(html).toContain("Une réponse qui reste.");
    expect(html).not.toContain("Un texte qui va partir.");
  });

  it("lets a member comment on behalf of their organisation, shown as such; a non-member cannot", async () => {
    const action = await newAction();
    const org = await w.db
      .insertInto("organisations")
      .values({ slug: `conseil-${Date.now()}`, name: "Conseil citoyen des Tilleuls", kind: "conseil_citoyen" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const memberOf = await member("resident");
    const outsider = await member("resident");
    await w.db.insertInto("participation_memberships").values({ organisation_id: org.id, user_id: memberOf.id }).execute();
    const page = await memberOf.agent.get(action.path);
    expect(page.body).toContain("Publier au nom de");
    expect((await outsider.agent.get(action.path)).body).not.toContain("Publier au nom de");
    const refused = await comment(outsider, action.id, { organisation: String(org.id), body: "Au nom d’un conseil dont je ne suis pas membre." });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("dont vous êtes membre");
    expect((await comment(memberOf, action.id, { organisation: String(org.id), body: "Le conseil citoyen soutient cette action." })).statusCode).toBe(303);
    const html = (await new Agent(w.app).get(action.path)).body;
    expect(html).toMatch(/<strong class="comment__author">[^<]+<\/strong><span class="comment__organisation"> pour Conseil citoyen des Tilleuls<\/span>/);
  });

  it("comments on a quartier page too", async () => {
    const n = await createNeighbourhood(w.db, { name: "Moulins" });
    const resident = await member("resident");
    const res = await resident.agent.send("/participation/commentaires", { cible: "quartier", id: String(n.id), body: "Un avis sur le quartier." });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/quartiers\/[a-z0-9-]+#commentaire-\d+$/);
    const page = await new Agent(w.app).get(String(res.headers.location).split("#")[0]!);
    expect(page.body).toContain("Un avis sur le quartier.");
  });
});

describe("anti-abuse", () => {
  it("refuses a duplicate, too many links from a new account, and more than 10 comments an hour", async () => {
    const action = await newAction();
    const resident = await member("resident");
    await comment(resident, action.id, { body: "Toujours le même avis !" });
    const dup = await comment(resident, action.id, { body: "toujours  le même AVIS" });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain("Vous avez déjà publié ce même commentaire.");
    const fresh = await member("resident", { created: new Date() });
    const links = await comment(fresh, action.id, { body: "Voir https://a.exemple.fr et https://b.exemple.fr" });
    expect(links.statusCode).toBe(400);
    expect(links.body).toContain("un seul lien");
    expect((await comment(resident, action.id, { body: "Voir https://a.exemple.fr et https://b.exemple.fr" })).statusCode).toBe(303);
    for (let i = 0; i < 8; i++) expect((await comment(resident, action.id)).statusCode).toBe(303);
    const eleventh = await comment(resident, action.id);
    expect(eleventh.statusCode).toBe(400);
    expect(eleventh.body).toContain("10 commentaires dans l’heure");
  });

  it("refuses the 31st comment of the hour from one address, whoever posts it", async () => {
    const action = await newAction();
    const a = await member("resident");
    const b = await member("resident");
    // a and b post from the same address (one box, several people): 30 comments an hour between them
    const shared = new Agent(w.app).ip;
    for (const m of [a, b]) Object.defineProperty(m.agent, "ip", { value: shared });
    const saved = w.clock.now;
    try {
      // the middle of a fixed hour: the address's window cannot end during the test
      w.clock.now = new Date("2026-12-10T10:30:00Z");
      for (let i = 0; i < 10; i++) expect((await comment(a, action.id)).statusCode).toBe(303);
      // a's own hourly limit is not what this test is about: its first ten move out of the hour
      await w.db
        .updateTable("participation_comments")
        .set({ created_at: new Date("2026-12-10T08:00:00Z") })
        .where("author_id", "=", a.id)
        .execute();
      for (let i = 0; i < 10; i++) expect((await comment(a, action.id)).statusCode).toBe(303);
      await w.db
        .updateTable("participation_comments")
        .set({ created_at: new Date("2026-12-10T08:00:00Z") })
        .where("author_id", "=", a.id)
        .execute();
      for (let i = 0; i < 10; i++) expect((await comment(b, action.id)).statusCode).toBe(303);
      // the 31st from this address: a has posted nothing in the hour as far as its own limit knows
      const refused = await comment(a, action.id);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain("Beaucoup de commentaires sont venus de votre connexion");
    } finally {
      w.clock.now = saved;
    }
  });
});

describe("moderation", () => {
  it("state machine: what each decision does from each state", () => {
    expect(nextModeration("pending", true, "approve")).toBe("visible");
    expect(nextModeration("pending", true, "hide")).toBe("hidden");
    expect(nextModeration("visible", true, "approve")).toBe("visible");
    expect(nextModeration("visible", false, "approve")).toBeNull();
    expect(nextModeration("visible", false, "hide")).toBe("hidden");
    expect(nextModeration("hidden", true, "approve")).toBe("visible");
    expect(nextModeration("hidden", true, "hide")).toBe("hidden");
    expect(nextModeration("hidden", false, "approve")).toBe("visible");
    expect(nextModeration("hidden", false, "hide")).toBeNull();
  });

  it("hides a comment for review after N reports, then the moderator hides it with a public reason: audited, told to the author", async () => {
    const action = await newAction();
    const author = await member("resident");
    const moderator = await member("moderator");
    await comment(author, action.id, { body: "Un propos limite sur cette action." });
    const c = await lastCommentBy(author.id);
    // the author cannot report their own comment; a reason is required
    const own = await author.agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "Je me signale moi-même." });
    expect(own.statusCode).toBe(400);
    const reporters = [await member("resident"), await member("resident"), await member("resident")];
    const noReason = await reporters[0]!.agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Indiquez en quelques mots");
    for (const r of reporters.slice(0, 2))
      expect((await r.agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "Propos déplacés" })).statusCode).toBe(200);
    // the same account reporting twice counts once
    await reporters[0]!.agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "Encore déplacé" });
    expect((await lastCommentBy(author.id)).moderation).toBe("visible");
    const queue = await moderator.agent.get("/admin/participation/moderation");
    expect(queue.body).toContain("Propos déplacés");
    expect(queue.body).toContain("Un propos limite");
    await reporters[2]!.agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "Propos déplacés" });
    expect((await lastCommentBy(author.id)).moderation).toBe("hidden");
    const publicPage = (await new Agent(w.app).get(action.path)).body;
    expect(publicPage).toContain("en attente d’examen");
    expect(publicPage).not.toContain("Un propos limite");
    // hide without a reason: refused; with one: done
    const noMotive = await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, { decision: "hide", reason: "" });
    expect(noMotive.statusCode).toBe(400);
    const mailJobs = async () => (await w.db.selectFrom("jobs").select("id").where("kind", "=", "mail.send").execute()).length;
    const mailsBefore = await mailJobs();
    const hide = await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, {
      decision: "hide",
      reason: "Propos injurieux envers un voisin",
    });
    expect(hide.statusCode).toBe(303);
    const row = await lastCommentBy(author.id);
    expect(row.moderation).toBe("hidden");
    expect(row.moderation_reason).toBe("Propos injurieux envers un voisin");
    expect((await new Agent(w.app).get(action.path)).body).toContain("Motif : Propos injurieux envers un voisin");
    const audit = await w.db.selectFrom("audit_events").selectAll().where("action", "=", "participation.hide").where("target_id", "=", String(c.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(moderator.id);
    const inbox = await author.agent.get("/compte/notifications");
    expect(inbox.body).toContain("masquée par la modération");
    expect(inbox.body).toContain("Propos injurieux envers un voisin");
    // the e-mail to the author was queued in the decision's transaction (its payload is erased once delivered)
    expect(await mailJobs()).toBe(mailsBefore + 1);
    // the queue is empty of it; hiding again is refused; approving restores it
    expect((await moderator.agent.get("/admin/participation/moderation")).body).not.toContain(`/admin/participation/moderation/comment/${c.id}"`);
    expect((await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, { decision: "hide", reason: "Encore une fois" })).statusCode).toBe(
      400,
    );
    expect((await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, { decision: "approve" })).statusCode).toBe(303);
    expect((await lastCommentBy(author.id)).moderation).toBe("visible");
  });

  it("escapes hostile text everywhere it is shown: queue, public reason, inbox, reply notice, blocks page", async () => {
    const action = await newAction();
    const XSS = `<img src=x onerror=alert(1)><script>alert(2)</script>`;
    const author = await createStaff(w, "resident", { displayName: `Awa ${XSS}` });
    await w.db.updateTable("users").set({ created_at: OLD }).where("id", "=", author.id).execute();
    const moderator = await member("moderator");
    const replier = await createStaff(w, "resident", { displayName: `Paul ${XSS}` });
    await comment(author, action.id, { body: `Texte ${XSS}` });
    const c = await lastCommentBy(author.id);
    await comment(replier, action.id, { reponse: String(c.id), body: `Réponse ${XSS}` });
    await replier.agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: `Motif ${XSS}` });
    const pages = [(await new Agent(w.app).get(action.path)).body, (await moderator.agent.get("/admin/participation/moderation")).body];
    await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, { decision: "hide", reason: `Raison ${XSS}` });
    await moderator.agent.send(`/admin/participation/comptes/${author.id}/suspendre`, { days: "2", reason: `Blocage ${XSS}` });
    pages.push(
      (await new Agent(w.app).get(action.path)).body,
      (await author.agent.get("/compte/notifications")).body,
      (await moderator.agent.get("/admin/participation/suspensions")).body,
    );
    for (const html of pages) {
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<script>alert(2)");
      expect(html).toContain("&lt;img src=x onerror=alert(1)>");
    }
  });

  it("lets a moderator clear from the queue an item its author removed meanwhile", async () => {
    const action = await newAction();
    const author = await member("resident");
    const moderator = await member("moderator");
    await comment(author, action.id, { body: "Bientôt retiré par son auteur." });
    const c = await lastCommentBy(author.id);
    await (await member("resident")).agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "Hors sujet ici" });
    // removed without going through the service (an older version, a script): still queued
    await w.db.updateTable("participation_comments").set({ body: "", deleted_at: new Date() }).where("id", "=", c.id).execute();
    expect((await moderator.agent.get("/admin/participation/moderation")).body).toContain("Contribution supprimée par son auteur.");
    expect((await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, { decision: "hide", reason: "Trop tard" })).statusCode).toBe(400);
    expect((await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, { decision: "approve" })).statusCode).toBe(303);
    expect(
      await w.db.selectFrom("participation_queue").select("target_id").where("target_kind", "=", "comment").where("target_id", "=", c.id).execute(),
    ).toHaveLength(0);
  });

  it("pre-moderation: a comment waits, seen only by its author, until approved", async () => {
    const action = await newAction();
    const moderator = await member("moderator");
    const settings = await moderator.agent.send("/admin/participation/reglages", {
      space: `comment:action:${action.id}`,
      premoderation: "on",
      reportThreshold: "2",
    });
    expect(settings.statusCode).toBe(303);
    const bad = await moderator.agent.send("/admin/participation/reglages", { space: "n’importe quoi", reportThreshold: "0" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("entre 1 et 100");
    const follower = await member("resident");
    await w.db.insertInto("favourites").values({ user_id: follower.id, action_id: action.id, content_id: null }).execute();
    const author = await member("resident");
    await comment(author, action.id, { body: "Un avis à relire d’abord." });
    const c = await lastCommentBy(author.id);
    expect(c.moderation).toBe("pending");
    expect((await new Agent(w.app).get(action.path)).body).not.toContain("Un avis à relire d’abord.");
    const mine = (await author.agent.get(action.path)).body;
    expect(mine).toContain("Un avis à relire d’abord.");
    expect(mine).toContain("En attente de modération");
    // nobody can report what is not public
    expect((await (await member("resident")).agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "Pas visible" })).statusCode).toBe(404);
    // followers hear of it only once it is public
    expect((await follower.agent.get("/compte/notifications")).body).not.toContain("Un avis à relire");
    expect((await moderator.agent.send(`/admin/participation/moderation/comment/${c.id}`, { decision: "approve" })).statusCode).toBe(303);
    expect((await new Agent(w.app).get(action.path)).body).toContain("Un avis à relire d’abord.");
    expect((await follower.agent.get("/compte/notifications")).body).toContain("Un avis à relire d’abord.");
    expect((await author.agent.get("/compte/notifications")).body).toContain("publiée après examen par la modération");
    const audit = await w.db.selectFrom("audit_events").select("action").where("target_type", "=", "comment").where("target_id", "=", String(c.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(["participation.approve"]);
    const otherAction = await newAction();
    await comment(author, otherAction.id, { body: "Ailleurs, pas de relecture." });
    expect((await lastCommentBy(author.id)).moderation).toBe("visible");
  });

  it("blocks an account for a period: it can no longer comment or report, is told why, and can be restored", async () => {
    const action = await newAction();
    const moderator = await member("moderator");
    const resident = await member("resident");
    const colleague = await member("editor");
    const refused = await moderator.agent.send(`/admin/participation/comptes/${colleague.id}/suspendre`, { days: "7", reason: "Pas un habitant" });
    expect(refused.statusCode).toBe(400);
    const res = await moderator.agent.send(`/admin/participation/comptes/${resident.id}/suspendre`, { days: "7", reason: "Insultes répétées" });
    expect(res.statusCode).toBe(303);
    const page = await resident.agent.get(action.path);
    expect(page.body).toContain("Votre compte ne peut plus participer jusqu’au");
    expect((await comment(resident, action.id)).statusCode).toBe(403);
    expect((await resident.agent.get("/compte/notifications")).body).toContain("Insultes répétées");
    expect((await moderator.agent.get("/admin/participation/suspensions")).body).toContain("Insultes répétées");
    expect(
      await w.db.selectFrom("audit_events").select("id").where("action", "=", "participation.block").where("target_id", "=", String(resident.id)).execute(),
    ).toHaveLength(1);
    expect((await moderator.agent.send(`/admin/participation/comptes/${resident.id}/retablir`)).statusCode).toBe(303);
    expect((await comment(resident, action.id)).statusCode).toBe(303);
  });
});

describe("followers and the page cache", () => {
  it("tells the followers of an action about a new comment, and drops the anonymous cached page", async () => {
    const action = await newAction();
    const follower = await member("resident");
    await w.db.insertInto("favourites").values({ user_id: follower.id, action_id: action.id, content_id: null }).execute();
    const visitor = new Agent(w.app);
    await visitor.get(action.path);
    expect((await visitor.get(action.path)).headers["x-cache"]).toBe("hit");
    const author = await member("resident");
    await comment(author, action.id, { body: "Nouveau sur cette action suivie." });
    const again = await visitor.get(action.path);
    expect(again.headers["x-cache"]).toBe("miss");
    expect(again.body).toContain("Nouveau sur cette action suivie.");
    expect((await follower.agent.get("/compte/notifications")).body).toContain("que vous suivez");
    // a signed-in page is never shared: it carries the viewer's form and token
    const signed = await author.agent.get(action.path);
    expect(signed.headers["cache-control"]).toBe("private, no-store");
    expect(signed.body).toContain('action="/participation/commentaires"');
  });
});

describe("RGPD", () => {
  it("puts comments, reports and notices in the data export; erasure removes the text and keeps « Contribution supprimée » above replies", async () => {
    const { STAFF_PASSWORD } = await import("../../../../test/staff.js");
    const action = await newAction();
    const author = await member("resident");
    const other = await member("resident");
    await comment(author, action.id, { body: "Un avis personnel à effacer." });
    const c = await lastCommentBy(author.id);
    await comment(other, action.id, { reponse: String(c.id), body: "Une réponse d’un voisin." });
    await other.agent.send(`/participation/signaler/commentaire/${c.id}`, { reason: "Pour voir l’export" });
    const exported = await author.agent.send("/compte/donnees");
    expect(exported.statusCode).toBe(200);
    const data = JSON.parse(exported.body) as { participation: { comments: { text: string }[]; notifications: { message: string }[] } };
    expect(data.participation.comments.map((x) => x.text)).toEqual(["Un avis personnel à effacer."]);
    expect(data.participation.notifications.some((n) => n.message.includes("a répondu"))).toBe(true);
    const reporterExport = JSON.parse((await other.agent.send("/compte/donnees")).body) as { participation: { reports: { reason: string }[] } };
    expect(reporterExport.participation.reports.map((r) => r.reason)).toEqual(["Pour voir l’export"]);
    // the anonymous page is cached with the text, then the account is erased
    const visitor = new Agent(w.app);
    expect((await visitor.get(action.path)).body).toContain("Un avis personnel à effacer.");
    const erased = await author.agent.send("/compte/supprimer", { password: STAFF_PASSWORD });
    expect(erased.statusCode).toBe(303);
    const row = await w.db.selectFrom("participation_comments").selectAll().where("id", "=", c.id).executeTakeFirstOrThrow();
    expect(row.author_id).toBeNull();
    expect(row.body).toBe("");
    const html = (await visitor.get(action.path)).body;
    expect(html).not.toContain("Un avis personnel à effacer.");
    expect(html).toContain("Contribution supprimée.");
    expect(html).toContain("Une réponse d’un voisin.");
    expect(
      await w.db.selectFrom("participation_queue").select("target_id").where("target_kind", "=", "comment").where("target_id", "=", c.id).execute(),
    ).toHaveLength(0);
  });
});

describe("comments on articles", () => {
  it("are closed unless an editor opens the article; open, residents comment; closed again, the thread is gone", async () => {
    const { createArticle } = await import("../../../../test/factories.js");
    const article = await createArticle(w.db, { title: "Fête de quartier" });
    const resident = await member("resident");
    const editor = await member("editor");
    const moderator = await member("moderator");
    expect((await new Agent(w.app).get(article.path)).body).not.toContain('id="commentaires"');
    const closed = await resident.agent.send("/participation/commentaires", { cible: "article", id: String(article.id), body: "Trop tôt." });
    expect(closed.statusCode).toBe(404);
    // only editors (and admins) open an article
    expect((await moderator.agent.send("/admin/participation/articles", { address: article.path })).statusCode).toBe(403);
    const wrong = await editor.agent.send("/admin/participation/articles", { address: "/actualites/nulle-part" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Indiquez l’adresse d’un article publié");
    expect((await editor.agent.send("/admin/participation/articles", { address: `https://portail.test${article.path}` })).statusCode).toBe(303);
    const visitor = new Agent(w.app);
    expect((await visitor.get(article.path)).body).toContain('id="commentaires"');
    const page = await resident.agent.get(article.path);
    expect(page.body).toContain('name="cible" value="article"');
    expect(
      (await resident.agent.send("/participation/commentaires", { cible: "article", id: String(article.id), body: "Bravo pour la fête." })).statusCode,
    ).toBe(303);
    expect((await visitor.get(article.path)).body).toContain("Bravo pour la fête.");
    expect(
      await w.db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "participation.article_open")
        .where("target_id", "=", String(article.id))
        .execute(),
    ).toHaveLength(1);
    expect((await editor.agent.send(`/admin/participation/articles/${article.id}/fermer`)).statusCode).toBe(303);
    expect((await visitor.get(article.path)).body).not.toContain("Bravo pour la fête.");
    // Signed in (never from the page cache): closed at once too (comments/service.ts articleOpenForComments).
    expect((await resident.agent.get(article.path)).body).not.toContain('name="cible" value="article"');
    expect((await resident.agent.send("/participation/commentaires", { cible: "article", id: String(article.id), body: "Encore un mot." })).statusCode).toBe(
      404,
    );
  });

  it("the form embedded in a quartier page names its target as the form expects", async () => {
    const n = await createNeighbourhood(w.db, { name: "Wazemmes" });
    const resident = await member("resident");
    const page = await resident.agent.get(`/quartiers/${n.slug}`);
    expect(page.body).toContain('name="cible" value="quartier"');
  });
});
