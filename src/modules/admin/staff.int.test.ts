// Staff management and the audit journal through HTTP: permission tables, invitations by
// e-mail that end in a working account (invitation.int.test.ts: existing accounts), role
// changes that end sessions, self-protection, and the journal's filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents } from "../../core/audit.js";
import { Agent } from "../../../test/agent.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { linkIn, startMailServer, type MailBox } from "../../../test/mail.js";
import { createStaff, expectPermissions } from "../../../test/staff.js";

let world: TestWorld;
let mail: MailBox;
beforeAll(async () => {
  mail = await startMailServer();
  world = await createTestWorld({ smtpUrl: mail.url, now: new Date("2027-05-10T08:00:00Z") });
});
afterAll(async () => {
  await world?.close();
  await mail?.close();
});

describe("permission table: team and journal (admins only)", () => {
  const adminOnly = ["admin"] as const;
  it.each([
    ["GET", "/admin/equipe"],
    ["GET", "/admin/journal"],
    ["POST", "/admin/equipe"],
  ] as const)("%s %s", async (method, url) => {
    await expectPermissions(world, { method, url, form: { email: "", role: "editor" }, allowed: adminOnly });
  });

  it.each([
    ["GET", ""],
    ["POST", "/role"],
    ["POST", "/double-authentification"],
    ["POST", "/reinitialiser-double-authentification"],
    ["POST", "/deconnecter"],
  ] as const)("%s /admin/equipe/:id%s", async (method, suffix) => {
    const target = await createStaff(world, "contributor", { signedIn: false });
    await expectPermissions(world, { method, url: `/admin/equipe/${target.id}${suffix}`, form: { role: "contributor" }, allowed: adminOnly });
  });

  it("lets every staff member manage their own second factor, and nobody else's", async () => {
    await expectPermissions(world, { method: "GET", url: "/admin/securite", allowed: ["contributor", "editor", "policy", "moderator", "mediator", "admin"] });
    await expectPermissions(world, {
      method: "GET",
      url: "/admin/securite/double-authentification",
      allowed: ["contributor", "editor", "policy", "moderator", "mediator", "admin"],
    });
  });
});

describe("team management", () => {
  it("invites a new person, who chooses a password from the e-mail and must enrol a second factor", async () => {
    const admin = await createStaff(world, "admin", { displayName: "Alice Admin" });
    const bad = await admin.agent.send("/admin/equipe", { email: "pas-une-adresse", displayName: "Nora", role: "superuser" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="pas-une-adresse"');
    expect(bad.body).toContain("Choisissez un rôle dans la liste.");

    const res = await admin.agent.send("/admin/equipe", { email: "Nora.Redac@ville.test", displayName: "Nora Rédac", role: "contributor" });
    expect(res.headers.location).toBe("/admin/equipe?statut=invite");
    const message = await mail.waitFor("nora.redac@ville.test", /Invitation/);
    expect(message.text).toContain("Alice Admin");
    expect(message.text).toContain("« Contributeur »");
    const link = new URL(linkIn(message, "/compte/invitation"));
    // Until the link is used, the account has no role and no usable password.
    const pending = await world.db.selectFrom("users").select("role").where("email", "=", "nora.redac@ville.test").executeTakeFirstOrThrow();
    expect(pending.role).toBe("resident");
    expect((await admin.agent.get("/admin/equipe")).body).toContain("Invitation en attente");

    const nora = new Agent(world.app);
    const form = await nora.open(link.pathname + link.search);
    expect(form.statusCode).toBe(200);
    const set = await nora.submit(link.pathname + link.search, "/compte/invitation", {
      jeton: link.searchParams.get("jeton")!,
      password: "Une phrase de passe pour Nora 2027",
    });
    expect(set.statusCode).toBe(303);
    const signIn = await nora.submit("/compte/connexion", "/compte/connexion", {
      email: "nora.redac@ville.test",
      password: "Une phrase de passe pour Nora 2027",
      retour: "/admin",
    });
    expect(signIn.headers.location).toBe("/admin");
    expect((await nora.get("/admin")).headers.location).toBe("/admin/securite/double-authentification");

    const events = await listEvents(world.db, { action: "staff.invite", limit: 5, offset: 0 });
    expect(events.events[0]).toMatchObject({
      actorId: admin.id,
      targetLabel: "Nora Rédac <nora.redac@ville.test>",
      details: { role: "contributor", existing_account: false },
    });
  });

  it("invites an existing resident without giving the role yet, and refuses someone already in the team", async () => {
    const admin = await createStaff(world, "admin");
    const resident = await createStaff(world, "resident");
    const res = await admin.agent.send("/admin/equipe", { email: resident.email, displayName: "", role: "policy" });
    expect(res.headers.location).toBe("/admin/equipe?statut=promu");
    const row = await world.db.selectFrom("users").select("role").where("id", "=", resident.id).executeTakeFirstOrThrow();
    expect(row.role).toBe("resident");
    const staff = await createStaff(world, "editor");
    const again = await admin.agent.send("/admin/equipe", { email: staff.email, displayName: "", role: "policy" });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("fait déjà partie de l’équipe");
  });

  it("changes a role, which ends that person's sessions at once, with an audit row", async () => {
    const admin = await createStaff(world, "admin");
    const editor = await createStaff(world, "editor");
    expect((await editor.agent.get("/admin")).statusCode).toBe(200);
    const res = await admin.agent.send(`/admin/equipe/${editor.id}/role`, { role: "resident" });
    expect(res.headers.location).toBe(`/admin/equipe/${editor.id}?statut=role`);
    expect((await editor.agent.get("/admin")).headers.location).toMatch(/^\/compte\/connexion/);
    const events = await listEvents(world.db, { action: "staff.role_change", targetId: editor.id, limit: 5, offset: 0 });
    expect(events.events[0]!.details).toEqual({ from: "editor", to: "resident" });
    const invalid = await admin.agent.send(`/admin/equipe/${editor.id}/role`, { role: "root" });
    expect(invalid.statusCode).toBe(400);
  });

  it("never lets an admin change their own role, reset or end their own access", async () => {
    const admin = await createStaff(world, "admin");
    for (const suffix of ["/role", "/reinitialiser-double-authentification", "/deconnecter"]) {
      const res = await admin.agent.send(`/admin/equipe/${admin.id}${suffix}`, { role: "resident" });
      expect(res.statusCode, suffix).toBe(403);
    }
    const row = await world.db.selectFrom("users").select("role").where("id", "=", admin.id).executeTakeFirstOrThrow();
    expect(row.role).toBe("admin");
    const page = await admin.agent.get(`/admin/equipe/${admin.id}`);
    expect(page.body).not.toContain(`action="/admin/equipe/${admin.id}/role"`);
  });

  it("requires a second factor, and resets it for a lost phone", async () => {
    const admin = await createStaff(world, "admin");
    const editor = await createStaff(world, "editor");
    await admin.agent.send(`/admin/equipe/${editor.id}/double-authentification`, { required: "on" });
    expect((await editor.agent.get("/admin/contenus")).headers.location).toBe("/admin/securite/double-authentification");
    await world.db.updateTable("users").set({ totp_secret: "JBSWY3DPEHPK3PXP", totp_enabled_at: world.clock.now }).where("id", "=", editor.id).execute();
    await admin.agent.send(`/admin/equipe/${editor.id}/reinitialiser-double-authentification`, {});
    const row = await world.db
      .selectFrom("users")
      .select(["totp_secret", "totp_enabled_at", "totp_required"])
      .where("id", "=", editor.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null, totp_required: true });
    expect((await editor.agent.get("/admin")).headers.location).toMatch(/^\/compte\/connexion/);
  });
});

describe("audit journal", () => {
  it("filters by family, person and Paris days, and paginates", async () => {
    world.clock.now = new Date("2027-06-01T21:50:00Z"); // 23:50 in Paris, June 1st
    const admin = await createStaff(world, "admin", { displayName: "Jules Journal" });
    const target = await createStaff(world, "contributor", { signedIn: false });
    await admin.agent.send(`/admin/equipe/${target.id}/double-authentification`, { required: "on" });
    world.clock.now = new Date("2027-06-01T22:10:00Z"); // 00:10 in Paris, June 2nd
    await admin.agent.send(`/admin/equipe/${target.id}/role`, { role: "editor" });

    const june1 = await admin.agent.get(`/admin/journal?action=staff.*&acteur=${admin.id}&du=2027-06-01&au=2027-06-01`);
    expect(june1.statusCode).toBe(200);
    expect(june1.body).toContain("Double authentification exigée");
    expect(june1.body).not.toContain("Changement de rôle");
    const june2 = await admin.agent.get(`/admin/journal?action=staff.*&acteur=${admin.id}&du=2027-06-02&au=2027-06-02`);
    expect(june2.body).toContain("Changement de rôle");
    expect(june2.body).toContain("from : contributor");
    expect(june2.body).toContain(`href="/admin/equipe/${target.id}"`);

    const invalid = await admin.agent.get("/admin/journal?du=2027-02-31");
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain("La date de début n’est pas une date valide");
    const hostile = await admin.agent.get("/admin/journal?action=%27%3B+drop+table+users%3B--&acteur=abc");
    expect(hostile.statusCode).toBe(200);
  });
});
