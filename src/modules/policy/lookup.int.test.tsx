// "Suis-je dans un quartier prioritaire ?" through the HTTP layer, with a local HTTP
// server speaking the Base Adresse Nationale format as the geocoder.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createAction, createNeighbourhood, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

// Two squares side by side around (3.05, 50.63); the QPV is a small square inside the first.
const square = (x0: number, y0: number, size: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

let w: TestWorld;
let server: http.Server;
let lastQuery = "";
let mode: "ok" | "none" | "error" = "ok";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    lastQuery = req.url ?? "";
    if (mode === "error") {
      res.writeHead(500).end("boom");
      return;
    }
    const features =
      mode === "none"
        ? []
        : [
            {
              type: "Feature",
              geometry: { type: "Point", coordinates: [3.005, 50.605] },
              properties: { label: "1 rue du Test 59000 Lille", score: 0.9, postcode: "59000", citycode: "59350", city: "Lille", type: "housenumber", id: "a" },
            },
            {
              type: "Feature",
              geometry: { type: "Point", coordinates: [3.15, 50.605] },
              properties: {
                label: "1 rue du Test 59260 Hellemmes",
                score: 0.5,
                postcode: "59260",
                citycode: "59298",
                city: "Lille",
                type: "housenumber",
                id: "b",
              },
            },
          ];
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ type: "FeatureCollection", version: "draft", features, query: "x" }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  w = await createTestWorld({ geocoderUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  await createSite(w.db);
  await w.db
    .updateTable("site_settings")
    .set({ commune_codes: ["59350"] })
    .execute();
  const quartier = await createNeighbourhood(w.db, { slug: "quartier-ouest", name: "Quartier Ouest" });
  const autre = await createNeighbourhood(w.db, { slug: "quartier-est", name: "Quartier Est" });
  const qpv = await createNeighbourhood(w.db, { slug: "qpv-test", name: "Secteur Test", kind: "qpv", code: "QN05999X" });
  await w.db
    .updateTable("neighbourhoods")
    .set({ commune_codes: ["59350"] })
    .where("id", "=", qpv.id)
    .execute();
  await sql`update neighbourhoods set geometry = ${JSON.stringify(square(3.0, 50.6, 0.1))}::jsonb where id = ${quartier.id}`.execute(w.db);
  await sql`update neighbourhoods set geometry = ${JSON.stringify(square(3.1, 50.6, 0.1))}::jsonb where id = ${autre.id}`.execute(w.db);
  await sql`update neighbourhoods set geometry = ${JSON.stringify(square(3.0, 50.6, 0.01))}::jsonb where id = ${qpv.id}`.execute(w.db);
  await createAction(w.db, { title: "Action dans le secteur test", neighbourhoodIds: [qpv.id] });
});
afterAll(async () => {
  await w?.close();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("address lookup", () => {
  it("geocodes within the commune and answers yes with the QPV code, the quartier and the actions there", async () => {
    mode = "ok";
    const res = await w.app.inject({ url: "/politique-de-la-ville/adresse?adresse=1%20rue%20du%20Test" });
    expect(res.statusCode).toBe(200);
    expect(lastQuery).toContain("q=1+rue+du+Test");
    expect(lastQuery).toContain("citycode=59350");
    const html = res.body;
    expect(html).toContain("<strong>Oui</strong>");
    expect(html).toContain("QN05999X");
    expect(html).toContain("Quartier Ouest");
    expect(html).toContain("Action dans le secteur test");
    expect(html).toContain("Ce n’est pas la bonne adresse ?");
    expect(html).toContain("Suivre ce quartier");
    expect(res.headers["cache-control"]).toBe("private, no-store"); // an address is personal
    expect(html).toMatch(/class="map__marker"/);
  });

  it("answers no for a point outside every QPV, and handles points outside all perimeters", async () => {
    const no = await w.app.inject({ url: "/politique-de-la-ville/adresse?lon=3.15&lat=50.65" });
    expect(no.body).toContain("<strong>Non</strong>");
    expect(no.body).toContain("Quartier Est");
    const far = await w.app.inject({ url: "/politique-de-la-ville/adresse?lon=2.35&lat=48.85" });
    expect(far.body).toContain("<strong>Non</strong>");
    expect(far.body).toContain("en dehors des quartiers connus");
    const bad = await w.app.inject({ url: "/politique-de-la-ville/adresse?lon=abc&lat=999" });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).not.toContain("Réponse pour");
  });

  it("explains a geocoder failure or an unknown address in French, never an error page", async () => {
    mode = "error";
    const failed = await w.app.inject({ url: "/politique-de-la-ville/adresse?adresse=rue%20inconnue" });
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toContain('role="alert"');
    mode = "none";
    const none = await w.app.inject({ url: "/politique-de-la-ville/adresse?adresse=rue%20inconnue" });
    expect(none.body).toContain("aucune adresse correspondante");
    mode = "ok";
  });

  it("limits address searches per visitor, with a French message and no geocoder call", async () => {
    mode = "ok";
    const ip = "203.0.113.9";
    for (let i = 0; i < 20; i++) await w.app.inject({ url: `/politique-de-la-ville/adresse?adresse=rue%20${i}`, remoteAddress: ip });
    lastQuery = "";
    const limited = await w.app.inject({ url: "/politique-de-la-ville/adresse?adresse=rue%20de%20trop", remoteAddress: ip });
    expect(limited.statusCode).toBe(200);
    expect(limited.body).toContain("beaucoup de recherches");
    expect(lastQuery).toBe("");
    // positions do not call the geocoder and stay available
    expect((await w.app.inject({ url: "/politique-de-la-ville/adresse?lon=3.005&lat=50.605", remoteAddress: ip })).body).toContain("<strong>Oui</strong>");
  });

  it("lets a signed-in resident follow the neighbourhood found", async () => {
    const agent = new Agent(w.app);
    const email = `suivi-${Date.now()}@exemple.fr`;
    await agent.submit("/compte/creer", "/compte/creer", { email, password: "une phrase pour suivre" });
    await agent.submit("/compte/connexion", "/compte/connexion", { email, password: "une phrase pour suivre" });
    const page = await agent.get("/politique-de-la-ville/adresse?lon=3.005&lat=50.605");
    const qpvId = String((await w.db.selectFrom("neighbourhoods").select("id").where("code", "=", "QN05999X").executeTakeFirstOrThrow()).id);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await agent.post("/compte/suivre", {
      _csrf: token,
      quartier: qpvId,
      suivre: "1",
      retour: "/politique-de-la-ville/adresse?lon=3.005&lat=50.605",
    });
    expect(res.statusCode).toBe(303);
    const after = await agent.get("/politique-de-la-ville/adresse?lon=3.005&lat=50.605");
    expect(after.body).toContain("Ne plus suivre ce quartier");
    const user = await w.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const follows = await w.db.selectFrom("user_neighbourhoods").select("neighbourhood_id").where("user_id", "=", user.id).execute();
    expect(follows.map((f) => String(f.neighbourhood_id))).toEqual([qpvId]);
  });

  it("shows the perimeter, the actions and the follow button on the neighbourhood page", async () => {
    const res = await w.app.inject({ url: "/quartiers/qpv-test" });
    expect(res.body).toContain("Périmètre");
    expect(res.body).toMatch(/<svg[^>]*class="map"/);
    expect(res.body).toContain("Action dans le secteur test");
    expect(res.body).toContain("Suivre ce quartier");
  });

  it("compares indicators with the commune and the métropole, as a chart and a table", async () => {
    const rows = [
      { kind: "qpv", code: "QN05999X", name: "Secteur Test", value: 42.5 },
      { kind: "commune", code: "59350", name: "Lille", value: 25.1 },
      { kind: "commune", code: "59512", name: "Roubaix", value: 44.2 },
      { kind: "metropole", code: "200093201", name: "Métropole", value: 18 },
    ] as const;
    for (const r of rows) {
      await w.db
        .insertInto("indicators")
        .values({
          metric: "taux_pauvrete",
          label: "Taux de pauvreté",
          territory_kind: r.kind,
          territory_code: r.code,
          territory_name: r.name,
          year: 2021,
          value: r.value,
          unit: "%",
          source: "Test",
        })
        .execute();
    }
    w.pageCache.clear();
    const res = await w.app.inject({ url: "/quartiers/qpv-test" });
    expect(res.body).toContain("Taux de pauvreté (2021)");
    expect(res.body).toMatch(/<svg class="chart"[^>]*role="img"/);
    expect(res.body).toContain("42,5 %");
    expect(res.body).toContain("25,1 %");
    // only the QPV's own commune is compared
    expect(res.body).not.toContain("Roubaix");
    expect(res.body).toContain("Métropole");
  });
});
