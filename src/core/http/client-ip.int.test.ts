// The client IP that per-IP rate limits count is the one the configured proxies vouch for:
// TRUST_PROXY=<hops> takes the address the nearest proxy saw, a proxy list ignores
// X-Forwarded-For from anyone else, so a made-up header never buys fresh attempts.
import { afterEach, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { LIMITS } from "../../modules/accounts/service.js";

let w: TestWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** Signs in with a wrong password (a new unknown address each time) with these headers. */
async function failedSignIns(agent: Agent, count: number, headers: (i: number) => Record<string, string>) {
  const csrf = await agent.csrf("/compte/connexion");
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await agent.post(
      "/compte/connexion",
      { _csrf: csrf, email: `inconnu${i}-${Date.now()}@exemple.fr`, password: "pas le bon mot de passe" },
      headers(i),
    );
    statuses.push(res.statusCode);
  }
  return statuses;
}

async function signInCounters(world: TestWorld) {
  const rows = await world.db.selectFrom("rate_limits").select(["key", "count"]).where("key", "like", "signin:ip:%").execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.count]));
}

describe("client IP behind a reverse proxy", () => {
  it("TRUST_PROXY=1: the address the proxy appended counts, whatever the client put before it", async () => {
    w = await createTestWorld({ env: { TRUST_PROXY: "1" } });
    await createSite(w.db);
    const proxy = new Agent(w.app, undefined, "10.0.0.5");
    const limit = LIMITS.signInPerIp.limit;
    const statuses = await failedSignIns(proxy, limit + 1, (i) => ({ "x-forwarded-for": `203.0.113.${i + 1}, 192.0.2.77` }));
    expect(statuses.slice(0, limit).every((s) => s === 400)).toBe(true);
    expect(statuses[limit]).toBe(429);
    expect(await signInCounters(w)).toEqual({ "signin:ip:192.0.2.77": limit + 1 });
    // A client reaching the app directly from the internet (not through a proxy on this
    // host or its network) cannot name itself either.
    const direct = new Agent(w.app, undefined, "198.51.100.20");
    const again = await failedSignIns(direct, limit + 1, (i) => ({ "x-forwarded-for": `203.0.113.${i + 100}` }));
    expect(again[limit]).toBe(429);
    expect(await signInCounters(w)).toMatchObject({ "signin:ip:198.51.100.20": limit + 1 });
  });

  it("TRUST_PROXY=<addresses>: X-Forwarded-For from a peer that is not a listed proxy is ignored", async () => {
    w = await createTestWorld({ env: { TRUST_PROXY: "10.0.0.0/24, loopback" } });
    await createSite(w.db);
    const direct = new Agent(w.app, undefined, "198.51.100.9");
    const limit = LIMITS.signInPerIp.limit;
    const statuses = await failedSignIns(direct, limit + 1, (i) => ({ "x-forwarded-for": `203.0.113.${i + 1}` }));
    expect(statuses[limit]).toBe(429);
    expect(await signInCounters(w)).toEqual({ "signin:ip:198.51.100.9": limit + 1 });
    // Through a listed proxy, the first address it does not vouch for is the client.
    const viaProxy = new Agent(w.app, undefined, "10.0.0.8");
    await failedSignIns(viaProxy, 1, () => ({ "x-forwarded-for": "203.0.113.200, 192.0.2.55" }));
    expect(await signInCounters(w)).toMatchObject({ "signin:ip:192.0.2.55": 1 });
  });

  it("without TRUST_PROXY, X-Forwarded-For is ignored", async () => {
    w = await createTestWorld();
    await createSite(w.db);
    const client = new Agent(w.app, undefined, "198.51.100.10");
    await failedSignIns(client, 3, (i) => ({ "x-forwarded-for": `203.0.113.${i + 1}` }));
    expect(await signInCounters(w)).toEqual({ "signin:ip:198.51.100.10": 3 });
  });
});
