// Role x action table of every Politique de la Ville back-office route: only the policy
// team and administrators get through ("policy.edit"); other staff are refused (403),
// visitors are sent to sign in, and a refused request writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createAction, createContract, createOrganisation, createPriority, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { expectPermissions } from "../../../../test/staff.js";

const BASE = "/admin/politique-de-la-ville";
const ALLOWED = ["policy", "admin"] as const;

let w: TestWorld;
let ids: { contract: number; priority: number; objective: number; action: number; organisation: number; indicator: number };

async function createObjective(priorityId: number, title = "Objectif de test") {
  return (await w.db.insertInto("objectives").values({ priority_id: priorityId, title }).returning("id").executeTakeFirstOrThrow()).id;
}

let indicatorYear = 1950;
async function createIndicator() {
  indicatorYear++;
  return (
    await w.db
      .insertInto("indicators")
      .values({
        metric: "taux_test",
        label: "Taux de test",
        territory_kind: "commune",
        territory_code: "59350",
        territory_name: "Lille",
        year: indicatorYear,
        value: "12.5",
        unit: "%",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  const contract = await createContract(w.db);
  const priority = await createPriority(w.db, { contractId: contract.id });
  await createPriority(w.db, { contractId: contract.id });
  const objective = await createObjective(priority.id);
  await createObjective(priority.id, "Deuxième objectif");
  const organisation = await createOrganisation(w.db);
  const action = await createAction(w.db, { priorityId: priority.id });
  ids = { contract: contract.id, priority: priority.id, objective, action: action.id, organisation: organisation.id, indicator: await createIndicator() };
});
afterAll(async () => w?.close());

describe("Politique de la Ville back office: who may use each route", () => {
  it("pages (GET)", async () => {
    const urls = [
      BASE,
      `${BASE}/contrats`,
      `${BASE}/contrats/nouveau`,
      `${BASE}/contrats/${ids.contract}`,
      `${BASE}/contrats/${ids.contract}/priorites/nouvelle`,
      `${BASE}/priorites/${ids.priority}`,
      `${BASE}/objectifs/${ids.objective}`,
      `${BASE}/actions`,
      `${BASE}/actions?q=action&statut=in_progress`,
      `${BASE}/actions/nouvelle`,
      `${BASE}/actions/${ids.action}`,
      `${BASE}/organisations`,
      `${BASE}/organisations/nouvelle`,
      `${BASE}/organisations/${ids.organisation}`,
      `${BASE}/indicateurs`,
      `${BASE}/indicateurs/nouveau`,
      `${BASE}/indicateurs/${ids.indicator}`,
    ];
    for (const url of urls) {
      const responses = await expectPermissions(w, { method: "GET", url, allowed: ALLOWED });
      expect(responses.get("policy")!.statusCode, url).toBe(200);
      expect(responses.get("policy")!.headers["cache-control"], url).toBe("private, no-store");
    }
  });

  it("form submissions (POST), refused before any check of the form", async () => {
    const posts = [
      `${BASE}/contrats/nouveau`,
      `${BASE}/contrats/${ids.contract}`,
      `${BASE}/contrats/${ids.contract}/priorites/nouvelle`,
      `${BASE}/priorites/${ids.priority}`,
      `${BASE}/priorites/${ids.priority}/objectifs`,
      `${BASE}/objectifs/${ids.objective}`,
      `${BASE}/actions/nouvelle`,
      `${BASE}/actions/${ids.action}`,
      `${BASE}/organisations/nouvelle`,
      `${BASE}/organisations/${ids.organisation}`,
      `${BASE}/indicateurs/nouveau`,
      `${BASE}/indicateurs/${ids.indicator}`,
    ];
    for (const url of posts) {
      // An empty form: allowed roles get the form back with its errors (400).
      const responses = await expectPermissions(w, { method: "POST", url, form: {}, allowed: ALLOWED });
      expect(responses.get("admin")!.statusCode, url).toBe(400);
    }
    for (const kind of ["priorites", "objectifs"] as const) {
      const id = kind === "priorites" ? ids.priority : ids.objective;
      const responses = await expectPermissions(w, { method: "POST", url: `${BASE}/${kind}/${id}/deplacer`, form: { sens: "bas" }, allowed: ALLOWED });
      expect(responses.get("policy")!.statusCode).toBe(303);
    }
  });

  it("deletions (POST), each role on its own item", async () => {
    const checks: Array<{ path: (who: string) => Promise<string> }> = [
      { path: async () => `${BASE}/contrats/${(await createContract(w.db)).id}/supprimer` },
      { path: async () => `${BASE}/priorites/${(await createPriority(w.db, { contractId: ids.contract })).id}/supprimer` },
      { path: async () => `${BASE}/objectifs/${await createObjective(ids.priority)}/supprimer` },
      { path: async () => `${BASE}/actions/${(await createAction(w.db, { priorityId: ids.priority })).id}/supprimer` },
      { path: async () => `${BASE}/organisations/${(await createOrganisation(w.db)).id}/supprimer` },
      { path: async () => `${BASE}/indicateurs/${await createIndicator()}/supprimer` },
    ];
    for (const check of checks) {
      const responses = await expectPermissions(w, { method: "POST", url: check.path, form: {}, allowed: ALLOWED });
      expect(responses.get("policy")!.statusCode).toBe(303);
      expect(responses.get("admin")!.statusCode).toBe(303);
    }
  });

  it("left no trace of refused requests: every policy audit event is by the policy team or an admin", async () => {
    const rows = await w.db
      .selectFrom("audit_events as e")
      .leftJoin("users as u", "u.id", "e.actor_id")
      .select(["e.action", "u.role"])
      .where("e.action", "like", sql<string>`'policy.%'`)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.role !== "policy" && r.role !== "admin")).toEqual([]);
  });
});
