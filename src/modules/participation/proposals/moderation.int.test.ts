// Ideas in the moderation shared with comments: pre-moderated quartiers, reports that hide an
// idea for review, the moderator's decision, blocked accounts, and the author told on site when
// the city answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeighbourhood, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffAgent } from "../../../../test/staff.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

let n = 0;
async function propose(agent: StaffAgent, quartierId: number) {
  return agent.send("/participation/idees/nouvelle", {
    titre: `Un composteur collectif ${++n}`,
    description: "Un composteur en pied d’immeuble, géré par les habitants volontaires.",
    quartier: String(quartierId),
  });
}
const idOf = (location: unknown) => Number(/idees\/(\d+)-/.exec(String(location))![1]);
const moderationOf = async (id: number) => (await w.db.selectFrom("proposals").select("moderation").where("id", "=", id).executeTakeFirstOrThrow()).moderation;

describe("ideas in the moderation", () => {
  it("holds an idea of a pre-moderated quartier for review, then publishes it once approved", async () => {
    const quartier = await createNeighbourhood(w.db);
    await w.db
      .insertInto("participation_spaces")
      .values({ space: `proposal:neighbourhood:${quartier.id}`, premoderation: true })
      .execute();
    const author = await createStaff(w, "resident");
    const res = await propose(author.agent, quartier.id);
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/\?ok=en-attente$/);
    const id = idOf(res.headers.location);
    expect(await moderationOf(id)).toBe("pending");
    const path = String(res.headers.location).replace(/\?.*$/, "");
    expect((await w.app.inject({ url: path })).statusCode).toBe(404);
    expect((await author.agent.get(path)).body).toContain("attend la relecture d’un modérateur");
    expect((await w.app.inject({ url: "/participation/idees" })).body).not.toContain(path);

    const moderator = await createStaff(w, "moderator");
    const queue = await moderator.agent.get("/admin/participation/moderation");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`Un composteur collectif ${n}`);
    const approve = await moderator.agent.send(`/admin/participation/moderation/proposal/${id}`, { decision: "approve" });
    expect(approve.statusCode).toBe(303);
    expect(await moderationOf(id)).toBe("visible");
    expect((await w.app.inject({ url: path })).statusCode).toBe(200);
    expect((await w.app.inject({ url: "/participation/idees" })).body).toContain(path);
  });

  it("hides a reported idea for review at the threshold, and a moderator hides it with a public reason its author sees", async () => {
    const quartier = await createNeighbourhood(w.db);
    await w.db
      .insertInto("participation_spaces")
      .values({ space: `proposal:neighbourhood:${quartier.id}`, report_threshold: 2 })
      .execute();
    const author = await createStaff(w, "resident");
    const res = await propose(author.agent, quartier.id);
    const id = idOf(res.headers.location);
    const path = String(res.headers.location).replace(/\?.*$/, "");
    const reader = await createStaff(w, "resident");
    expect((await reader.agent.get(path)).body).toContain(`href="/participation/signaler/idee/${id}"`);
    expect((await author.agent.get(path)).body).not.toContain(`/participation/signaler/idee/${id}`);
    for (let i = 0; i < 2; i++) {
      const r = await createStaff(w, "resident");
      expect((await r.agent.send(`/participation/signaler/idee/${id}`, { reason: "Publicité déguisée pour un commerce" })).statusCode).toBeLessThan(400);
    }
    expect(await moderationOf(id)).toBe("hidden");
    expect((await w.app.inject({ url: path })).statusCode).toBe(404);

    const moderator = await createStaff(w, "moderator");
    const hide = await moderator.agent.send(`/admin/participation/moderation/proposal/${id}`, { decision: "hide", reason: "Publicité pour un commerce" });
    expect(hide.statusCode).toBe(303);
    const own = await author.agent.get(path);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain("Cette idée a été masquée par la modération. Raison : Publicité pour un commerce");
    const audit = await w.db
      .selectFrom("audit_events")
      .select("action")
      .where("target_id", "=", String(id))
      .where("action", "like", "participation.%")
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it("refuses ideas and supports from a blocked account", async () => {
    const quartier = await createNeighbourhood(w.db);
    const author = await createStaff(w, "resident");
    const ok = await propose(author.agent, quartier.id);
    const id = idOf(ok.headers.location);
    const blocked = await createStaff(w, "resident");
    await w.db
      .insertInto("participation_blocks")
      .values({ user_id: blocked.id, blocked_until: new Date(w.clock.now.getTime() + 7 * 86_400_000), reason: "Insultes répétées" })
      .execute();
    const refused = await propose(blocked.agent, quartier.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Votre compte ne peut plus participer jusqu’au");
    expect((await blocked.agent.send(`/participation/idees/${id}/soutien`, { action: "soutenir" })).statusCode).toBe(403);
    expect(await w.db.selectFrom("proposal_supports").select("id").where("user_id", "=", blocked.id).execute()).toEqual([]);
  });

  it("tells the author on site when the city answers", async () => {
    const quartier = await createNeighbourhood(w.db);
    const author = await createStaff(w, "resident");
    const res = await propose(author.agent, quartier.id);
    const id = idOf(res.headers.location);
    const policy = await createStaff(w, "policy");
    expect((await policy.agent.send(`/admin/participation/idees/${id}/reponse`, { statut: "under_study", reponse: "" })).statusCode).toBe(303);
    const notes = await w.db.selectFrom("participation_notifications").select(["kind", "message", "href"]).where("user_id", "=", author.id).execute();
    expect(notes).toEqual([
      {
        kind: "answer",
        message: `La ville a répondu à votre idée « Un composteur collectif ${n} » : à l’étude.`,
        href: String(res.headers.location).replace(/\?.*$/, ""),
      },
    ]);
  });
});
