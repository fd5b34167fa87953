// The back office of the proposals through HTTP: who may answer, record for a resident and
// manage members (role x action tables), the status machine of the answer, assisted entry
// visibly marked, hidden ideas and others' ideas (IDOR), organisation members.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createNeighbourhood, createOrganisation, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, expectPermissions, type StaffAgent } from "../../../../test/staff.js";

let w: TestWorld;
let quartier: { id: number; slug: string; name: string };
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  quartier = await createNeighbourhood(w.db, { name: "Quartier du Moulin" });
});
afterAll(async () => w?.close());

let n = 0;
async function proposal(agent?: StaffAgent) {
  const author = agent ?? (await createStaff(w, "resident")).agent;
  const res = await author.send("/participation/idees/nouvelle", {
    titre: `Une fresque sur le mur du gymnase ${++n}`,
    description: "Le mur est gris et tagué : une fresque faite avec les jeunes du quartier.",
    quartier: String(quartier.id),
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  const location = String(res.headers.location);
  return { id: Number(/\/participation\/idees\/(\d+)-/.exec(location)![1]), path: location.replace(/\?.*$/, "") };
}

const statusOf = async (id: number) =>
  await w.db.selectFrom("proposals").select(["status", "answer", "action_id"]).where("id", "=", id).executeTakeFirstOrThrow();

describe("permissions", () => {
  it("lets the policy team and admins answer; mediators, moderators, editors and residents cannot", async () => {
    const { id } = await proposal();
    await expectPermissions(w, {
      method: "POST",
      url: `/admin/participation/idees/${id}/reponse`,
      form: { statut: "under_study", reponse: "" },
      allowed: ["policy", "admin"],
    });
    // the list and one idea: who answers, records or moderates
    await expectPermissions(w, { method: "GET", url: "/admin/participation/idees", allowed: ["policy", "moderator", "mediator", "admin"] });
    await expectPermissions(w, { method: "GET", url: `/admin/participation/idees/${id}`, allowed: ["policy", "moderator", "mediator", "admin"] });
  });

  it("lets mediators and admins record for a resident, and the policy team and admins manage members", async () => {
    const { id } = await proposal();
    await expectPermissions(w, { method: "GET", url: "/admin/participation/saisie-assistee", allowed: ["mediator", "admin"] });
    await expectPermissions(w, {
      method: "POST",
      url: `/admin/participation/idees/${id}/soutien-assiste`,
      form: (who) => ({ habitant: `Habitant ${who}`, consentement: "on" }),
      allowed: ["mediator", "admin"],
    });
    const org = await createOrganisation(w.db, { name: "Association des locataires" });
    await expectPermissions(w, { method: "GET", url: "/admin/participation/organisations", allowed: ["policy", "admin"] });
    await expectPermissions(w, { method: "GET", url: `/admin/participation/organisations/${org.id}`, allowed: ["policy", "admin"] });
  });
});

describe("the city's answer", () => {
  it("follows the status machine: a reason for non retenue, an action for retenue, no way back to reçue", async () => {
    const policy = await createStaff(w, "policy");
    const { id, path } = await proposal();
    const answer = (form: Record<string, string>) => policy.agent.send(`/admin/participation/idees/${id}/reponse`, form);

    const noReason = await answer({ statut: "rejected", reponse: "Non." });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Expliquez pourquoi l’idée n’est pas retenue");
    expect((await statusOf(id)).status).toBe("received");

    expect((await answer({ statut: "under_study", reponse: "Le service des sports regarde votre idée." })).statusCode).toBe(303);
    expect((await statusOf(id)).status).toBe("under_study");
    const back = await answer({ statut: "received" });
    expect(back.statusCode).toBe(400);
    expect(back.body).toContain("ne peut pas passer à « reçue »");

    const noAction = await answer({ statut: "accepted", reponse: "Oui" });
    expect(noAction.statusCode).toBe(400);
    expect(noAction.body).toContain("Choisissez l’action de la Politique de la Ville");
    const action = await createAction(w.db, { title: "Fresque participative du Moulin" });
    expect((await answer({ statut: "accepted", reponse: "Votre idée devient une action.", action: String(action.id) })).statusCode).toBe(303);
    expect(await statusOf(id)).toEqual({ status: "accepted", answer: "Votre idée devient une action.", action_id: action.id });

    const page = await w.app.inject({ url: path });
    expect(page.body).toContain("Retenue");
    expect(page.body).toContain(`Cette idée est devenue l’action <a href="/politique-de-la-ville/actions/${action.slug}">Fresque participative du Moulin</a>`);
    expect(page.body).toContain("La ville a répondu à cette idée : elle ne reçoit plus de soutiens.");
    // a decided idea takes no support
    const resident = await createStaff(w, "resident");
    expect((await resident.agent.send(`/admin/participation/idees/${id}/soutien-assiste`, {})).statusCode).toBe(403);
    expect((await resident.agent.send(`/participation/idees/${id}/soutien`, { action: "soutenir" })).statusCode).toBe(400);

    // reopened for study, then not retained with a reason
    expect((await answer({ statut: "under_study" })).statusCode).toBe(303);
    expect((await answer({ statut: "rejected", reponse: "Le mur appartient au bailleur, qui refuse." })).statusCode).toBe(303);
    expect(await statusOf(id)).toEqual({ status: "rejected", answer: "Le mur appartient au bailleur, qui refuse.", action_id: null });
    expect((await w.app.inject({ url: path })).body).toContain("Le mur appartient au bailleur, qui refuse.");

    const events = await w.db
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("target_type", "=", "proposal")
      .where("target_id", "=", String(id))
      .execute();
    expect(events.map((e) => (e.details as { to: string }).to)).toEqual(["under_study", "accepted", "under_study", "rejected"]);
    expect(events.every((e) => e.action === "participation.proposal.answer")).toBe(true);
  });

  it("renders an answer escaped", async () => {
    const policy = await createStaff(w, "policy");
    const { id, path } = await proposal();
    await policy.agent.send(`/admin/participation/idees/${id}/reponse`, { statut: "rejected", reponse: `<script>alert(1)</script> hors du périmètre` });
    const page = await w.app.inject({ url: path });
    expect(page.body).toContain("&lt;script>alert(1)&lt;/script> hors du périmètre");
    expect(page.body).not.toContain("<script>alert(1)");
  });
});

describe("assisted entry", () => {
  it("publishes an idea for a named resident who consented, marked as assisted, and records paper supports once per name", async () => {
    const mediator = await createStaff(w, "mediator", { displayName: "Centre social Lazare" });
    const form = {
      habitant: "Fatima B.",
      titre: "Un atelier vélo au pied des tours",
      description: "Beaucoup d’enfants ont un vélo cassé : un atelier pour apprendre à le réparer.",
      quartier: String(quartier.id),
    };
    const refused = await mediator.agent.send("/admin/participation/saisie-assistee", form);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Cochez cette case une fois que l’habitant a donné son accord.");
    const saved = await mediator.agent.send("/admin/participation/saisie-assistee", { ...form, consentement: "on" });
    expect(saved.statusCode).toBe(303);
    const id = Number(/idees\/(\d+)\?/.exec(String(saved.headers.location))![1]);
    const row = await w.db
      .selectFrom("proposals")
      .select(["author_id", "assisted_by", "resident_name", "consent_at", "slug"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ author_id: null, assisted_by: mediator.id, resident_name: "Fatima B." });
    expect(row.consent_at).not.toBeNull();
    const page = await w.app.inject({ url: `/participation/idees/${id}-${row.slug}` });
    expect(page.body).toContain('Idée de <strong>Fatima B.</strong>, <em class="proposal__assisted">saisie assistée par Centre social Lazare</em>');

    const support = (habitant: string) => mediator.agent.send(`/admin/participation/idees/${id}/soutien-assiste`, { habitant, consentement: "on" });
    expect((await support("Jean M.")).statusCode).toBe(303);
    const twice = await support("jean m.");
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain("Cette personne soutient déjà cette idée.");
    expect((await w.app.inject({ url: `/participation/idees/${id}-${row.slug}` })).body).toContain("1 soutien");
    const audit = await w.db.selectFrom("audit_events").select("action").where("target_id", "=", String(id)).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["participation.proposal.assisted", "participation.support.assisted"]);
  });
});

describe("hidden ideas and others' ideas", () => {
  it("shows a hidden idea to its author with the reason and to staff, and a 404 to anyone else", async () => {
    const author = await createStaff(w, "resident");
    const { id, path } = await proposal(author.agent);
    await w.db.updateTable("proposals").set({ moderation: "hidden", moderation_reason: "Propos injurieux" }).where("id", "=", id).execute();
    const own = await author.agent.get(path);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain("Cette idée a été masquée par la modération. Raison : Propos injurieux");
    expect(own.headers["cache-control"]).toBe("private, no-store");
    const other = await createStaff(w, "resident");
    expect((await other.agent.get(path)).statusCode).toBe(404);
    expect((await w.app.inject({ url: path })).statusCode).toBe(404);
    expect((await other.agent.send(`/participation/idees/${id}/soutien`, { action: "soutenir" })).statusCode).toBe(404);
    const moderator = await createStaff(w, "moderator");
    expect((await moderator.agent.get(path)).statusCode).toBe(200);
    expect((await w.app.inject({ url: "/participation/idees" })).body).not.toContain(path);
  });

  it("gives a resident no way to answer or change another's idea", async () => {
    const { id } = await proposal();
    const resident = await createStaff(w, "resident");
    const before = await statusOf(id);
    expect((await resident.agent.send(`/admin/participation/idees/${id}/reponse`, { statut: "accepted" })).statusCode).toBe(403);
    expect(await statusOf(id)).toEqual(before);
  });
});

describe("organisation members", () => {
  it("adds a confirmed account by address, refuses unknown ones and duplicates, removes, and audits", async () => {
    const policy = await createStaff(w, "policy");
    const org = await createOrganisation(w.db, { name: "Conseil citoyen du Moulin" });
    await w.db.updateTable("organisations").set({ kind: "conseil_citoyen" }).where("id", "=", org.id).execute();
    const person = await createStaff(w, "resident", { displayName: "Karim <b>T.</b>" });
    const add = (email: string) => policy.agent.send(`/admin/participation/organisations/${org.id}/membres`, { email });
    const unknown = await add("personne@nulle-part.test");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("Aucun compte confirmé n’utilise cette adresse");
    expect((await add(person.email.toUpperCase())).statusCode).toBe(303);
    expect((await add(person.email)).body).toContain("déjà membre");
    const page = await policy.agent.get(`/admin/participation/organisations/${org.id}`);
    expect(page.body).toContain("Karim &lt;b>T.&lt;/b>");
    // a service, a landlord... is no residents' organisation
    const service = await createOrganisation(w.db, { name: "Service des sports" });
    await w.db.updateTable("organisations").set({ kind: "service" }).where("id", "=", service.id).execute();
    expect((await policy.agent.get(`/admin/participation/organisations/${service.id}`)).statusCode).toBe(404);
    expect((await policy.agent.send(`/admin/participation/organisations/${org.id}/membres/${person.id}/retirer`)).statusCode).toBe(303);
    expect(await w.db.selectFrom("participation_memberships").select("user_id").where("organisation_id", "=", org.id).execute()).toEqual([]);
    const audit = await w.db
      .selectFrom("audit_events")
      .select("action")
      .where("target_type", "=", "organisation")
      .where("target_id", "=", String(org.id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["participation.member.add", "participation.member.remove"]);
  });
});
