// Proposals and supports through HTTP: who may propose and support, what a refused form says,
// escaping of everything a resident types, 20 parallel supports, organisations, limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createNeighbourhood, createOrganisation, createPriority, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, signIn, StaffAgent, STAFF_PASSWORD } from "../../../../test/staff.js";
import { hashPassword } from "../../../core/auth/passwords.js";

let w: TestWorld;
let quartier: { id: number; slug: string; name: string };
let priority: { id: number };
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  quartier = await createNeighbourhood(w.db, { name: "Quartier des Tilleuls" });
  priority = await createPriority(w.db, { title: "Emploi et insertion" });
});
afterAll(async () => w?.close());

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

let n = 0;
/** A signed-in account whose address is not confirmed. */
async function unverified() {
  const row = await w.db
    .insertInto("users")
    .values({ email: `nonverifie${++n}@exemple.fr`, password_hash: await hashPassword(STAFF_PASSWORD), display_name: "Non vérifié" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const agent = new StaffAgent(w.app);
  await signIn(w, agent, row.id);
  return { id: row.id, agent };
}

function form(extra: Record<string, string> = {}) {
  return {
    titre: `Des bancs au square ${++n}`,
    description: "Il n’y a aucun banc près de l’arrêt de bus : les personnes âgées attendent debout.",
    quartier: String(quartier.id),
    ...extra,
  };
}

async function propose(agent: StaffAgent, extra: Record<string, string> = {}) {
  const res = await agent.send("/participation/idees/nouvelle", form(extra));
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  const location = String(res.headers.location);
  const id = Number(/\/participation\/idees\/(\d+)-/.exec(location)![1]);
  return { id, path: location.replace(/\?.*$/, "") };
}

describe("proposing an idea", () => {
  it("publishes a verified resident's idea, escaped, in the list and on its page", async () => {
    const resident = await createStaff(w, "resident", { displayName: `Awa ${XSS}` });
    const res = await resident.agent.send("/participation/idees/nouvelle", {
      titre: `Un jardin partagé ${XSS}`,
      description: `Premier paragraphe ${XSS}\n\nSecond paragraphe.`,
      quartier: String(quartier.id),
      priorite: String(priority.id),
    });
    expect(res.statusCode).toBe(303);
    const path = String(res.headers.location).replace(/\?.*$/, "");
    expect(path).toMatch(/^\/participation\/idees\/\d+-un-jardin-partage-script-alert-x-script-img-src-x-onerror-alert-1$/);
    const page = await w.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("<script>alert");
    expect(page.body).not.toContain("<img src=x");
    expect(page.body).toContain('<h1 id="titre-idee">Un jardin partagé &lt;script>alert(');
    expect(page.body).toContain("<p>Premier paragraphe &lt;script>");
    expect(page.body).toContain("<p>Second paragraphe.</p>");
    expect(page.body).toContain("Idée de <strong>Awa &lt;script>");
    expect(page.body).toContain("Emploi et insertion");
    expect(page.body).toContain("Reçue");
    const list = await w.app.inject({ url: `/participation/idees?quartier=${quartier.slug}` });
    expect(list.body).toContain(`href="${path}"`);
    expect(list.body).not.toContain("<script>alert");
    // another spelling of the address answers 301 to the canonical one
    const id = path.split("/").pop()!.split("-")[0];
    const moved = await w.app.inject({ url: `/participation/idees/${id}-autre-titre` });
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(path);
    expect((await w.app.inject({ url: `/participation/idees/${id}` })).statusCode).toBe(301);
  });

  it("shows the form again with French messages next to the fields", async () => {
    const resident = await createStaff(w, "resident");
    const res = await resident.agent.send("/participation/idees/nouvelle", { titre: "Oui", description: "Trop court", quartier: "999999", priorite: "999999" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Donnez un titre à votre idée (5 caractères au moins).");
    expect(res.body).toContain("Décrivez votre idée en quelques phrases (20 caractères au moins).");
    expect(res.body).toContain("Choisissez le quartier que concerne votre idée.");
    expect(res.body).toContain("Choisissez une priorité de la liste");
    expect(res.body).toContain('value="Oui"');
    expect(await w.db.selectFrom("proposals").select("id").where("title", "=", "Oui").execute()).toEqual([]);
  });

  it("sends an anonymous visitor to sign in and tells an unverified account to confirm its address", async () => {
    const visitor = new StaffAgent(w.app);
    const page = await visitor.get("/participation/idees/nouvelle");
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/compte\/connexion\?retour=/);
    const u = await unverified();
    const formPage = await u.agent.get("/participation/idees/nouvelle");
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).toContain("confirmez d’abord votre adresse e-mail");
    expect(formPage.body).not.toContain('name="titre"');
    const post = await u.agent.send("/participation/idees/nouvelle", form());
    expect(post.statusCode).toBe(403);
    expect(await w.db.selectFrom("proposals").select("id").where("author_id", "=", u.id).execute()).toEqual([]);
  });

  it("refuses the same title twice in a day, and more than five ideas a day", async () => {
    const resident = await createStaff(w, "resident");
    const first = form();
    expect((await resident.agent.send("/participation/idees/nouvelle", first)).statusCode).toBe(303);
    const twin = await resident.agent.send("/participation/idees/nouvelle", { ...first, titre: first.titre.toUpperCase() });
    expect(twin.statusCode).toBe(400);
    expect(twin.body).toContain("Vous avez déjà proposé une idée avec ce titre aujourd’hui.");
    for (let i = 0; i < 4; i++) await propose(resident.agent);
    const sixth = await resident.agent.send("/participation/idees/nouvelle", form());
    expect(sixth.statusCode).toBe(400);
    expect(sixth.body).toContain("5 au plus par jour");
  });

  it("limits links from an account younger than a week", async () => {
    const resident = await createStaff(w, "resident");
    const spam = await resident.agent.send(
      "/participation/idees/nouvelle",
      form({ description: "Voir https://a.example et https://b.example pour tout savoir." }),
    );
    expect(spam.statusCode).toBe(400);
    expect(spam.body).toContain("1 lien au plus");
    await w.db
      .updateTable("users")
      .set({ created_at: new Date(w.clock.now.getTime() - 30 * 86_400_000) })
      .where("id", "=", resident.id)
      .execute();
    await propose(resident.agent, { description: "Voir https://a.example et https://b.example pour tout savoir." });
  });
});

describe("supports", () => {
  it("counts 20 parallel supports by one account once, and withdraws", async () => {
    const author = await createStaff(w, "resident");
    const { id, path } = await propose(author.agent);
    const fan = await createStaff(w, "resident");
    const results = await Promise.all(Array.from({ length: 20 }, () => fan.agent.send(`/participation/idees/${id}/soutien`, { action: "soutenir" })));
    expect(results.every((r) => r.statusCode === 303)).toBe(true);
    const count = () => w.db.selectFrom("proposal_supports").select("user_id").where("proposal_id", "=", id).execute();
    expect(await count()).toEqual([{ user_id: fan.id }]);
    const page = await fan.agent.get(path);
    expect(page.body).toContain("1 soutien");
    expect(page.body).toContain("Retirer mon soutien");
    expect(page.headers["cache-control"]).toBe("private, no-store");
    await fan.agent.send(`/participation/idees/${id}/soutien`, { action: "retirer" });
    expect(await count()).toEqual([]);
    expect((await w.app.inject({ url: path })).body).toContain("Aucun soutien");
  });

  it("sends an anonymous supporter to sign in, refuses an unverified one, and 404s an unknown idea", async () => {
    const author = await createStaff(w, "resident");
    const { id, path } = await propose(author.agent);
    const visitor = new StaffAgent(w.app);
    const csrf = await visitor.csrf("/compte/connexion");
    const anon = await visitor.post(`/participation/idees/${id}/soutien`, { _csrf: csrf, action: "soutenir" });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe(`/compte/connexion?retour=${encodeURIComponent(path)}`);
    const u = await unverified();
    expect((await u.agent.send(`/participation/idees/${id}/soutien`, { action: "soutenir" })).statusCode).toBe(403);
    expect((await author.agent.send("/participation/idees/99999999/soutien", { action: "soutenir" })).statusCode).toBe(404);
    expect(await w.db.selectFrom("proposal_supports").select("id").where("proposal_id", "=", id).execute()).toEqual([]);
  });
});

describe("organisations", () => {
  it("lets a member post on behalf of a conseil citoyen, shown as such, and refuses a non-member", async () => {
    const org = await createOrganisation(w.db, { name: "Conseil citoyen des Tilleuls" });
    await w.db.updateTable("organisations").set({ kind: "conseil_citoyen" }).where("id", "=", org.id).execute();
    const member = await createStaff(w, "resident");
    const outsider = await createStaff(w, "resident");
    await w.db.insertInto("participation_memberships").values({ organisation_id: org.id, user_id: member.id }).execute();
    const formPage = await member.agent.get("/participation/idees/nouvelle");
    expect(formPage.body).toContain("Conseil citoyen des Tilleuls");
    expect((await outsider.agent.get("/participation/idees/nouvelle")).body).not.toContain("Conseil citoyen des Tilleuls");
    const refused = await outsider.agent.send("/participation/idees/nouvelle", form({ organisation: String(org.id) }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("au nom d’une organisation dont vous êtes membre");
    const { path } = await propose(member.agent, { organisation: String(org.id) });
    const page = await w.app.inject({ url: path });
    expect(page.body).toContain("Idée proposée au nom de <strong>Conseil citoyen des Tilleuls</strong> (conseil citoyen)");
  });
});

describe("on quartier and action pages", () => {
  it("counts a quartier's visible ideas on its cached page, updated when an idea is posted, and lists on an action the ideas it came from", async () => {
    const place = await createNeighbourhood(w.db, { name: "Quartier des Peupliers" });
    const before = await w.app.inject({ url: `/quartiers/${place.slug}` });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain("Aucune idée n’a encore été proposée pour ce quartier.");
    expect((await w.app.inject({ url: `/quartiers/${place.slug}` })).headers["x-cache"]).toBe("hit");
    const resident = await createStaff(w, "resident");
    const { id } = await propose(resident.agent, { quartier: String(place.id), titre: "Un terrain de basket rénové" });
    const after = await w.app.inject({ url: `/quartiers/${place.slug}` });
    expect(after.body).toContain("1 idée pour ce quartier.");
    expect(after.body).toContain("Un terrain de basket rénové");

    const action = await createAction(w.db, { title: "Rénovation des terrains de sport" });
    const actionPath = `/politique-de-la-ville/actions/${action.slug}`;
    expect((await w.app.inject({ url: actionPath })).body).not.toContain("Née d’idées d’habitants");
    const policy = await createStaff(w, "policy");
    await policy.agent.send(`/admin/participation/idees/${id}/reponse`, { statut: "accepted", reponse: "Oui.", action: String(action.id) });
    const page = await w.app.inject({ url: actionPath });
    expect(page.body).toContain("Née d’idées d’habitants");
    expect(page.body).toContain("Un terrain de basket rénové");
  });
});

describe("who may propose and support", () => {
  it("follows the table: anonymous and unverified kept out; residents, organisation members and every staff role with a verified address may", async () => {
    const { id } = await propose((await createStaff(w, "resident")).agent);
    const org = await createOrganisation(w.db, { name: "Association du tableau" });
    await w.db.updateTable("organisations").set({ kind: "association" }).where("id", "=", org.id).execute();
    const member = await createStaff(w, "resident");
    await w.db.insertInto("participation_memberships").values({ organisation_id: org.id, user_id: member.id }).execute();
    const seen: Record<string, [number, number]> = {};
    const visitor = new StaffAgent(w.app);
    visitor.csrfToken = await visitor.csrf("/compte/connexion");
    const agents: Array<[string, StaffAgent, Record<string, string>]> = [
      ["anonymous", visitor, {}],
      ["unverified", (await unverified()).agent, {}],
      ["organisation member", member.agent, { organisation: String(org.id) }],
    ];
    for (const role of ["resident", "mediator", "moderator", "editor", "policy", "admin"] as const) agents.push([role, (await createStaff(w, role)).agent, {}]);
    for (const [who, agent, extra] of agents) {
      const idea = await agent.send("/participation/idees/nouvelle", form(extra));
      const support = await agent.send(`/participation/idees/${id}/soutien`, { action: "soutenir" });
      seen[who] = [idea.statusCode, support.statusCode];
    }
    // 303 to the idea; anonymous: 303 to sign in (checked below); unverified: 403
    expect(seen).toEqual({
      anonymous: [303, 303],
      unverified: [403, 403],
      "organisation member": [303, 303],
      resident: [303, 303],
      mediator: [303, 303],
      moderator: [303, 303],
      editor: [303, 303],
      policy: [303, 303],
      admin: [303, 303],
    });
    expect((await visitor.send("/participation/idees/nouvelle", form())).headers.location).toMatch(/^\/compte\/connexion/);
    // 7 accounts supported (member, resident and five staff roles), never the visitor or the unverified one
    expect(await w.db.selectFrom("proposal_supports").select("id").where("proposal_id", "=", id).execute()).toHaveLength(7);
  });

  it("escapes the names an idea shows: an organisation's, a resident's given to a mediator, a mediator's", async () => {
    const org = await createOrganisation(w.db, { name: `Conseil <script>alert("o")</script>` });
    await w.db.updateTable("organisations").set({ kind: "conseil_citoyen" }).where("id", "=", org.id).execute();
    const member = await createStaff(w, "resident");
    await w.db.insertInto("participation_memberships").values({ organisation_id: org.id, user_id: member.id }).execute();
    const { path } = await propose(member.agent, { organisation: String(org.id) });
    const page = await w.app.inject({ url: path });
    expect(page.body).toContain("Conseil &lt;script>alert(");
    expect(page.body).not.toContain('<script>alert("o")');
    const mediator = await createStaff(w, "mediator", { displayName: `Maison <img src=x onerror=alert(2)>` });
    const res = await mediator.agent.send("/admin/participation/saisie-assistee", {
      habitant: `Léa <svg onload=alert(3)>`,
      consentement: "on",
      ...form(),
    });
    expect(res.statusCode).toBe(303);
    const id = Number(/idees\/(\d+)\?/.exec(String(res.headers.location))![1]);
    const slug = (await w.db.selectFrom("proposals").select("slug").where("id", "=", id).executeTakeFirstOrThrow()).slug;
    const assisted = await w.app.inject({ url: `/participation/idees/${id}-${slug}` });
    expect(assisted.body).toContain("Léa &lt;svg onload=alert(3)>");
    expect(assisted.body).toContain("saisie assistée par Maison &lt;img src=x onerror=alert(2)>");
    expect(assisted.body).not.toContain("<svg onload");
    expect(assisted.body).not.toContain("<img src=x");
    const back = await mediator.agent.get(`/admin/participation/idees/${id}`);
    expect(back.body).not.toContain("<svg onload");
  });
});
