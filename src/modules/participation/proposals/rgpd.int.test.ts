// The proposals part of the RGPD export and erasure: what an account's export holds, and what
// its erasure leaves (the idea anonymised, an organisation's idea still the organisation's,
// supports and memberships gone).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeighbourhood, createOrganisation, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff } from "../../../../test/staff.js";
import { exportParticipation } from "../rgpd.js";
import { exportProposals, proposalPagesOf } from "./rgpd.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

describe("personal data", () => {
  it("exports an account's ideas, supports and memberships, and anonymises its ideas when the account is erased", async () => {
    const quartier = await createNeighbourhood(w.db, { name: "Les Acacias" });
    const org = await createOrganisation(w.db, { name: "Amicale des Acacias" });
    const person = await createStaff(w, "resident", { displayName: "Lucie Effacée" });
    await w.db.insertInto("participation_memberships").values({ organisation_id: org.id, user_id: person.id }).execute();
    const post = async (titre: string, extra: Record<string, string> = {}) => {
      const res = await person.agent.send("/participation/idees/nouvelle", {
        titre,
        description: "Une description assez longue pour passer le formulaire.",
        quartier: String(quartier.id),
        ...extra,
      });
      expect(res.statusCode).toBe(303);
      return String(res.headers.location).replace(/\?.*$/, "");
    };
    const own = await post("Des cours de français pour adultes");
    const forOrg = await post("Une fête des voisins en juin", { organisation: String(org.id) });
    const other = await createStaff(w, "resident");
    const res = await other.agent.send("/participation/idees/nouvelle", {
      titre: "Un marché le dimanche",
      description: "Un petit marché de producteurs le dimanche matin.",
      quartier: String(quartier.id),
    });
    const otherId = Number(/idees\/(\d+)-/.exec(String(res.headers.location))![1]);
    await person.agent.send(`/participation/idees/${otherId}/soutien`, { action: "soutenir" });

    const data = await exportProposals(w.db, person.id);
    expect(data.proposals.map((p) => [p.title, p.path, p.status])).toEqual([
      ["Une fête des voisins en juin", forOrg, "Reçue"],
      ["Des cours de français pour adultes", own, "Reçue"],
    ]);
    expect(data.supports.map((s) => s.proposal)).toEqual(["Un marché le dimanche"]);
    expect(data.memberships.map((m) => m.organisation)).toEqual(["Amicale des Acacias"]);
    expect(await exportProposals(w.db, other.id)).toMatchObject({ supports: [], memberships: [] });
    // the account's export (accounts module, through participation/rgpd.ts) carries them
    const all = await exportParticipation(w.db, person.id);
    expect(all.proposals.map((p) => p.title)).toEqual(data.proposals.map((p) => p.title));
    expect(all.supports).toHaveLength(1);
    expect(all.memberships).toHaveLength(1);

    const tags = await proposalPagesOf(w.db, person.id);
    expect(tags).toContain(`participation:proposal:${otherId}`);
    await w.db.deleteFrom("users").where("id", "=", person.id).execute();
    w.pageCache.invalidateTags(tags);
    const page = await w.app.inject({ url: own });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Idée d’un participant dont le compte a été supprimé");
    expect(page.body).not.toContain("Lucie Effacée");
    expect((await w.app.inject({ url: forOrg })).body).toContain("Idée proposée au nom de <strong>Amicale des Acacias</strong>");
    expect(await w.db.selectFrom("proposal_supports").select("id").where("proposal_id", "=", otherId).execute()).toEqual([]);
    expect(await w.db.selectFrom("participation_memberships").select("user_id").where("organisation_id", "=", org.id).execute()).toEqual([]);
  });
});
