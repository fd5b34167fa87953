import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createStaff, expectPermissions } from "../../../test/staff.js";
import { createAction } from "../../../test/factories.js";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(async () => world?.close());

describe("back-office access", () => {
  it("lets every staff role into the dashboard, sends visitors to sign in and refuses residents", async () => {
    const responses = await expectPermissions(world, {
      method: "GET",
      url: "/admin",
      allowed: ["contributor", "editor", "policy", "moderator", "mediator", "admin"],
    });
    expect(responses.get("anonymous")!.headers.location).toBe("/compte/connexion?retour=%2Fadmin");
    expect(responses.get("editor")!.headers["cache-control"]).toBe("private, no-store");
  });

  it("refuses any unknown /admin URL to non-staff before it can answer 404", async () => {
    await expectPermissions(world, { method: "GET", url: "/admin/nulle-part", allowed: ["contributor", "editor", "policy", "moderator", "mediator", "admin"] });
    const resident = await createStaff(world, "resident");
    expect((await resident.agent.get("/admin/nulle-part")).statusCode).toBe(403);
  });

  it("shows each role only the sections it may use", async () => {
    const contributor = await createStaff(world, "contributor");
    const html = (await contributor.agent.get("/admin")).body;
    expect(html).toContain('href="/admin/contenus"');
    expect(html).not.toContain('href="/admin/equipe"');
    expect(html).not.toContain('href="/admin/politique-de-la-ville"');
    const admin = await createStaff(world, "admin");
    const adminHtml = (await admin.agent.get("/admin")).body;
    expect(adminHtml).toContain('href="/admin/equipe"');
    expect(adminHtml).toContain('href="/admin/journal"');
  });

  it("sends a staff member who must enrol a second factor to the enrolment page first", async () => {
    const editor = await createStaff(world, "editor", { totpRequired: true });
    const res = await editor.agent.get("/admin/contenus");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/securite/double-authentification");
  });

  it("keeps an active session alive through the 'Rester connecté' ping, and ends an idle one", async () => {
    const editor = await createStaff(world, "editor");
    const idle = await createStaff(world, "editor");
    world.clock.now = new Date(world.clock.now.getTime() + 20 * 60_000);
    const ping = await editor.agent.send("/admin/session");
    expect(ping.statusCode).toBe(204);
    // As the page's script sends it: the token in a header, no body at all.
    const cookie = editor.agent.cookieHeader()!;
    const bare = await world.app.inject({
      method: "POST",
      url: "/admin/session",
      headers: { cookie, "x-csrf-token": editor.agent.csrfToken, accept: "application/json" },
    });
    expect(bare.statusCode).toBe(204);
    world.clock.now = new Date(world.clock.now.getTime() + 20 * 60_000);
    expect((await editor.agent.get("/admin")).statusCode).toBe(200);
    expect((await idle.agent.get("/admin")).headers.location).toMatch(/^\/compte\/connexion/);
  });

  it("shows the Politique de la Ville team what needs a look, and not the others", async () => {
    await createAction(world.db, {
      title: "Action en retard",
      status: "delayed",
      funding: [],
      milestones: [{ date: "2020-01-15", title: "Étape oubliée", done: false }],
    });
    await createAction(world.db, { title: "Action financée", status: "in_progress", funding: [{ funder: "ville", amount: 1000, year: 2027 }], milestones: [] });
    const officer = await createStaff(world, "policy");
    const html = (await officer.agent.get("/admin")).body;
    expect(html).toMatch(/<strong>1<\/strong> étape en retard/);
    expect(html).toMatch(/<strong>1<\/strong> action retardée/);
    expect(html).toMatch(/<strong>1<\/strong> sans financement/);
    const editor = await createStaff(world, "editor");
    expect((await editor.agent.get("/admin")).body).not.toContain("sans financement");
  });

  it("asks crawlers to stay out of the back office and of preview links", async () => {
    const robots = (await world.app.inject({ url: "/robots.txt" })).body;
    expect(robots.split("\n")).toEqual(expect.arrayContaining(["Disallow: /admin$", "Disallow: /admin/", "Disallow: /apercu/"]));
  });
});
