// The hostile-input suite (issue 9), part 1: every route of the app, read from the route
// table the input guard records, knocked on by an anonymous visitor, a resident and an
// enrolled administrator, with hostile values in the path, the query and the form body.
// Never a 5xx, security headers always there, no payload reflected unescaped, and no
// refused value stored anywhere. Bodies, content types, CSRF and path variants: part 2
// (hostile-bodies.int.test.ts); generated inputs: hostile-property.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "./helpers.js";
import {
  buildHostileWorld,
  expectNothingStored,
  fillPath,
  Findings,
  form,
  HOSTILE,
  HOSTILE_PATH,
  knock,
  routeTable,
  validParam,
  type HostileWorld,
  type Route,
} from "./hostile-input.js";

let w: TestWorld;
let hw: HostileWorld;
let routes: Route[];

beforeAll(async () => {
  w = await createTestWorld();
  hw = await buildHostileWorld(w);
  routes = routeTable(w.app);
}, 120_000);
afterAll(async () => w?.close());

const valid = (route: Route) => fillPath(route, (p) => encodeURIComponent(validParam(p, hw)));

/**
 * Who walks what, to keep the suite near a minute per database: the visitor knocks on every
 * route (the back office must turn them away whatever they send), the resident on everything
 * outside the back office, the enrolled administrator on the back office, where only staff
 * reach the handlers.
 */
const isBackOffice = (r: Route) => r.url === "/admin" || r.url.startsWith("/admin/");
const walkedBy = (who: string) => (r: Route) => (who === "anonymous" ? true : who === "admin" ? isBackOffice(r) : !isBackOffice(r));

it("reads the whole route table (a new route is walked without editing the suite)", () => {
  const keys = routes.map((r) => `${r.method} ${r.url}`);
  for (const k of [
    "GET /recherche",
    "GET /themes/:slug",
    "POST /compte/favoris",
    "POST /compte/sessions/:id/revoquer",
    "POST /admin/politique-de-la-ville/contrats/nouveau",
    "GET /api/v1/actions/:slug",
    "GET /*",
  ]) {
    expect(keys).toContain(k);
  }
  expect(routes.length).toBeGreaterThan(100);
});

it("lets the signed-in people in, so that the walks below reach the handlers", async () => {
  const [, resident, admin] = hw.actors;
  await resident!.refresh();
  await admin!.refresh();
  expect((await knock(w.app, resident!, { method: "GET", url: "/compte" })).statusCode).toBe(200);
  expect((await knock(w.app, admin!, { method: "GET", url: "/admin" })).statusCode).toBe(200);
  expect((await knock(w.app, admin!, { method: "GET", url: "/admin/politique-de-la-ville/contrats" })).statusCode).toBe(200);
});

describe.each(["anonymous", "resident", "admin"] as const)("as %s", (who) => {
  it("hostile values in every query parameter and form field of every route", { timeout: 300_000 }, async () => {
    const actor = hw.actors.find((a) => a.who === who)!;
    const findings = new Findings();
    for (const route of routes.filter(walkedBy(who))) {
      await actor.refresh();
      const path = valid(route);
      for (const h of HOSTILE) {
        // An overlong value in one field (all of them would only meet the body limit).
        const value = (f: string, fields: string[]) => (h.name.startsWith("overlong") && f !== fields[0] ? "x" : h.encoded);
        const query = form(route.query, (f) => value(f, route.query));
        const what = `${who} ${route.method} ${route.url} [${h.name}]`;
        if (route.method === "GET") {
          findings.check(await knock(w.app, actor, { method: "GET", url: `${path}?${query}` }), what);
        } else {
          findings.check(await knock(w.app, actor, { method: route.method, url: path, body: form(route.body, (f) => value(f, route.body)) }), what);
        }
      }
    }
    findings.expectNone();
  });

  it("hostile values in every path parameter", { timeout: 300_000 }, async () => {
    const actor = hw.actors.find((a) => a.who === who)!;
    const findings = new Findings();
    for (const route of routes.filter((r) => r.params.length > 0).filter(walkedBy(who))) {
      await actor.refresh();
      for (const param of route.params) {
        for (const h of HOSTILE_PATH) {
          const url = fillPath(route, (p) => (p === param ? h.encoded : encodeURIComponent(validParam(p, hw))));
          const body = route.method === "GET" ? undefined : form(route.body, () => "1");
          findings.check(await knock(w.app, actor, { method: route.method, url, body }), `${who} ${route.method} ${route.url} :${param} [${h.name}]`);
        }
      }
    }
    findings.expectNone();
  });

  it("lists, nested keys and prototype keys where text is expected", { timeout: 300_000 }, async () => {
    const actor = hw.actors.find((a) => a.who === who)!;
    const findings = new Findings();
    const shapes = (fields: string[]) => [
      fields.map((f) => `${encodeURIComponent(f)}=1&${encodeURIComponent(f)}=2`).join("&"),
      fields.map((f) => `${encodeURIComponent(f)}[]=1&${encodeURIComponent(f)}[b]=1`).join("&"),
      `__proto__=1&__proto__[admin]=1&constructor[prototype][admin]=1&prototype=1&${fields.map((f) => `${encodeURIComponent(f)}=1`).join("&")}`,
      `${fields.map((f) => `${encodeURIComponent(f)}=${encodeURIComponent('{"$gt":""}')}`).join("&")}`,
    ];
    for (const route of routes.filter(walkedBy(who))) {
      await actor.refresh();
      const path = valid(route);
      for (const [i, shape] of shapes(route.method === "GET" ? route.query : route.body).entries()) {
        const what = `${who} ${route.method} ${route.url} [shape ${i}]`;
        if (route.method === "GET") findings.check(await knock(w.app, actor, { method: "GET", url: `${path}?${shape}` }), what);
        else findings.check(await knock(w.app, actor, { method: route.method, url: `${path}?${shapes(route.query)[i]}`, body: shape }), what);
      }
    }
    findings.expectNone();
  });
});

it("stored none of the refused values, in any table", async () => {
  await expectNothingStored(w);
});
