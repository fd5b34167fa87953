// Issue 9, item 7: inputs that answered 500 (some anonymously) before the global input
// rule (src/core/http/input-guard.ts). Each must now answer 400 with a French message
// (an HTML page, or a JSON problem for JSON clients) and store nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { createContract, createNeighbourhood, createSite, createTheme } from "./factories.js";
import { createTestWorld, type TestWorld } from "./helpers.js";
import { createStaff, type StaffMember } from "./staff.js";

let w: TestWorld;
let resident: StaffMember;
let admin: StaffMember;
const MARK = "hostile9marker";
const NUL = "\u0000";

beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  await createTheme(w.db, { slug: "solidarite" });
  await createNeighbourhood(w.db);
  await createContract(w.db);
  resident = await createStaff(w, "resident");
  admin = await createStaff(w, "admin");
});
afterAll(async () => w?.close());

function expectFrenchHtml400(res: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(400);
  expect(String(res.headers["content-type"]), what).toMatch(/text\/html/);
  expect(res.body, what).toContain("Demande incorrecte");
}

/** Anonymous form post with the double-submit CSRF token of the page. */
async function anonymousPost(page: string, action: string, form: Record<string, string>) {
  const agent = new Agent(w.app);
  return agent.submit(page, action, form);
}

describe("NUL bytes in text", () => {
  it("in the search query answers 400, not 500", async () => {
    expectFrenchHtml400(await w.app.inject({ url: `/recherche?q=a%00b` }), "search");
  });

  it("in theme and neighbourhood slugs answers 400", async () => {
    expectFrenchHtml400(await w.app.inject({ url: "/themes/a%00b" }), "theme");
    expectFrenchHtml400(await w.app.inject({ url: "/quartiers/a%00b" }), "quartier");
  });

  it("in the e-mail field of every anonymous auth form answers 400 and creates no account", async () => {
    const email = `${MARK}${NUL}@exemple.fr`;
    const forms: Array<[string, string, Record<string, string>]> = [
      ["/compte/connexion", "/compte/connexion", { email, password: "n-importe-quoi-12" }],
      ["/compte/creer", "/compte/creer", { email, password: "Un-mot-de-passe-solide-2030", displayName: "X" }],
      ["/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email }],
      ["/compte/creer", "/compte/renvoyer-confirmation", { email }],
    ];
    for (const [page, action, form] of forms) expectFrenchHtml400(await anonymousPost(page, action, form), action);
    const rows = await w.db
      .selectFrom("users")
      .select("id")
      .where(sql<boolean>`email like ${`%${MARK}%`}`)
      .execute();
    expect(rows).toEqual([]);
  });

  it("in the e-mail change form of a signed-in resident answers 400", async () => {
    expectFrenchHtml400(await resident.agent.send("/compte/adresse", { newEmail: `x${NUL}@exemple.fr`, emailPassword: "x" }), "adresse");
  });

  it("in article fields answers 400 and stores no content", async () => {
    const res = await admin.agent.send("/admin/contenus/nouveau?type=article", { title: `${MARK}${NUL}`, slug: "nul-article", body: "<p>x</p>" });
    expectFrenchHtml400(res, "article");
    const rows = await w.db
      .selectFrom("content_items")
      .select("id")
      .where(sql<boolean>`title like ${`%${MARK}%`}`)
      .execute();
    expect(rows).toEqual([]);
  });

  it("answers a JSON problem to a JSON client", async () => {
    const res = await w.app.inject({ url: "/recherche?q=%00", headers: { accept: "application/json" } });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, title: "Demande incorrecte" });
  });
});

describe("integers above 2^31-1 in ids", () => {
  const BIG = "2147483648";
  it("in a favourite toggle answers 400 (form and fetch)", async () => {
    expectFrenchHtml400(await resident.agent.send("/compte/favoris", { contenu: BIG, action: "ajouter" }), "favori");
    const json = await resident.agent.send("/compte/favoris", { contenu: BIG, action: "ajouter" }, { accept: "application/json" });
    expect(json.statusCode).toBe(400);
    expect(json.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("in a neighbourhood follow answers 400", async () => {
    expectFrenchHtml400(await resident.agent.send("/compte/suivre", { quartier: BIG }), "suivre");
  });

  it("in the interests of the preferences form answers 400", async () => {
    expectFrenchHtml400(await resident.agent.send("/compte/preferences", { displayName: "R", themes: BIG, quartiers: BIG }), "preferences");
  });

  it("in a session revocation answers 400", async () => {
    expectFrenchHtml400(await resident.agent.send(`/compte/sessions/${BIG}/revoquer`), "session");
  });
});

describe("non-form bodies on back-office forms", () => {
  it("a JSON body with non-string values on a policy form is refused, nothing stored", async () => {
    for (const payload of [{ name: 5 }, { name: { a: 1 } }, { name: [MARK, MARK] }, { title: 5 }]) {
      const res = await w.app.inject({
        method: "POST",
        url: "/admin/politique-de-la-ville/contrats/nouveau",
        headers: { cookie: admin.agent.cookieHeader()!, "content-type": "application/json", "x-csrf-token": admin.agent.csrfToken },
        payload: JSON.stringify({ ...payload, slug: "contrat-json" }),
      });
      expect([400, 415], JSON.stringify(payload)).toContain(res.statusCode);
      expect(res.body).toMatch(/Demande incorrecte|Type de contenu non pris en charge/);
    }
    const rows = await w.db.selectFrom("contracts").select("id").where("slug", "=", "contrat-json").execute();
    expect(rows).toEqual([]);
  });
});

describe("found by the hostile-input suite", () => {
  it("a multipart upload without its boundary answers 400, not 500", async () => {
    const res = await w.app.inject({
      method: "POST",
      url: "/admin/medias/nouveau",
      headers: { cookie: admin.agent.cookieHeader()!, "content-type": "multipart/form-data", "x-csrf-token": admin.agent.csrfToken },
      payload: `--x\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${MARK}\r\n--x--\r\n`,
    });
    expectFrenchHtml400(res, "multipart");
  });

  it("raw invalid UTF-8 bytes in a form body (decoded to U+FFFD) answer 400 and store nothing", async () => {
    const payload = Buffer.concat([
      Buffer.from(`_csrf=${admin.agent.csrfToken}&name=${MARK}`),
      Buffer.from([0xff, 0xc3, 0x28]),
      Buffer.from("&slug=contrat-octets"),
    ]);
    const res = await w.app.inject({
      method: "POST",
      url: "/admin/politique-de-la-ville/contrats/nouveau",
      headers: { cookie: admin.agent.cookieHeader()!, "content-type": "application/x-www-form-urlencoded" },
      payload,
    });
    expectFrenchHtml400(res, "raw bytes");
    expect(await w.db.selectFrom("contracts").select("id").where("slug", "=", "contrat-octets").execute()).toEqual([]);
  });

  it("an undecodable path parameter answers the French 400 with the security headers", async () => {
    for (const url of ["/themes/%C3%28", "/admin/contenus/%FF", "/compte/sessions/%ED%A0%80/revoquer"]) {
      const res = await w.app.inject({ url, method: url.endsWith("revoquer") ? "POST" : "GET" });
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain("Demande incorrecte");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["content-security-policy"], url).toBeDefined();
    }
  });
});

describe("database data exceptions (defence behind the guard)", () => {
  it("SQLSTATE class 22 from the database answers 400 on PGlite and PostgreSQL", async () => {
    // A route that lets a bad value reach the database, as a forgotten schema would.
    const { buildApp } = await import("../src/app.js");
    const app = await buildApp({ config: w.config, db: w.db, now: () => w.clock.now });
    app.get<{ Querystring: { n?: string } }>("/essai-donnee", async (request) => {
      await sql`select ${request.query.n ?? ""}::int4 as n`.execute(w.db);
      return "ok";
    });
    await app.ready();
    try {
      for (const n of ["2147483648", "abc", "9e99"]) {
        const res = await app.inject({ url: `/essai-donnee?n=${n}` });
        expect(res.statusCode, n).toBe(400);
        expect(res.body, n).toContain("Demande incorrecte");
      }
      expect((await app.inject({ url: "/essai-donnee?n=12" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
