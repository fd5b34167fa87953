// Inviting an address that already has an account never hands the staff role to the
// credential someone set before: not to an open session, not to the old password, not
// through an older reset, verification or address-change link. The role is taken only
// with a new password set through the invitation link, with the second factor required,
// every session ended and the account holder told by e-mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents } from "../../core/audit.js";
import { Agent } from "../../../test/agent.js";
import { createContent } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { linkIn, startMailServer, type MailBox } from "../../../test/mail.js";
import { createStaff, type StaffMember } from "../../../test/staff.js";

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

const OLD_PASSWORD = "Le mot de passe du squatteur 2027";
const NEW_PASSWORD = "La vraie phrase de passe de l’éditrice";
let seq = 0;

/** Signs an address up through the public form (address left unverified) and signs in: the agent keeps that session. */
async function residentSignedIn(email: string): Promise<Agent> {
  const agent = new Agent(world.app);
  const created = await agent.submit("/compte/creer", "/compte/creer", { email, password: OLD_PASSWORD, displayName: "Quelqu’un" });
  expect(created.statusCode, created.body.slice(0, 300)).toBe(303);
  const signedIn = await signInWith(agent, email, OLD_PASSWORD);
  expect(signedIn.statusCode).toBe(303);
  expect((await agent.get("/compte")).statusCode).toBe(200);
  return agent;
}

function signInWith(agent: Agent, email: string, password: string) {
  return agent.submit("/compte/connexion", "/compte/connexion", { email, password, retour: "/admin" });
}

async function invite(admin: StaffMember, email: string, role: string) {
  const res = await admin.agent.send("/admin/equipe", { email, displayName: "", role });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  return res;
}

async function invitationLink(email: string, count: number): Promise<string> {
  const deadline = Date.now() + 5000;
  while (mail.to(email).filter((m) => /Invitation/.test(m.subject ?? "")).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const link = new URL(linkIn(await mail.waitFor(email, /Invitation/), "/compte/invitation"));
  return link.pathname + link.search;
}

/** Posts the invitation form (its CSRF token taken from another anonymous form, so that dead links can be posted too). */
async function accept(agent: Agent, link: string, password = NEW_PASSWORD) {
  const _csrf = await agent.csrf("/compte/mot-de-passe-oublie");
  return agent.post("/compte/invitation", { _csrf, jeton: new URL(link, "https://x").searchParams.get("jeton")!, password });
}

const userRow = (email: string) =>
  world.db
    .selectFrom("users")
    .select(["id", "role", "totp_required", "totp_secret", "email_verified_at", "email"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();

const uniqueEmail = (name: string) => `${name}.${++seq}@ville.test`;

describe("inviting an address that already has a resident account", () => {
  it("gives the squatter's session and password nothing, tells the holder, and gives the role only with a new password", async () => {
    const email = "future.editor@ville.test";
    const squatter = await residentSignedIn(email);
    const admin = await createStaff(world, "admin", { displayName: "Alice Admin" });
    const review = await createContent(world.db, { status: "review", publishedAt: null });

    const res = await invite(admin, email, "editor");
    expect(res.headers.location).toBe("/admin/equipe?statut=promu");

    // The session opened with the old password is still a resident's.
    expect((await squatter.get("/admin")).statusCode).toBe(403);
    expect((await squatter.get("/admin/contenus")).statusCode).toBe(403);
    const csrf = await squatter.csrf("/compte/preferences");
    const publish = await squatter.post(`/admin/contenus/${review.id}/publier`, { _csrf: csrf });
    expect(publish.statusCode).toBe(403);
    const item = await world.db.selectFrom("content_items").select("status").where("id", "=", review.id).executeTakeFirstOrThrow();
    expect(item.status).toBe("review");

    // Signing in again with the old password does not give it either.
    const again = new Agent(world.app);
    expect((await signInWith(again, email, OLD_PASSWORD)).statusCode).toBe(303);
    expect((await again.get("/admin")).statusCode).toBe(403);
    expect((await userRow(email)).role).toBe("resident");

    // The account holder is told, in the message that carries the link.
    const notice = await mail.waitFor(email, /Invitation/);
    expect(notice.text).toContain("Un compte existe déjà avec cette adresse");
    expect(notice.text).toContain("« Éditeur »");
    expect(notice.text).toContain("l’ancien mot de passe ne fonctionnera plus");

    // The team page shows a pending invitation, not an editor.
    const team = await admin.agent.get("/admin/equipe");
    expect(team.body).toContain(email);
    expect(team.body).toContain("Invitation en attente");

    // The owner of the mailbox follows the link and sets a new password.
    const owner = new Agent(world.app);
    const link = await invitationLink(email, 1);
    const form = await owner.open(link);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("« Éditeur »");
    const weak = await accept(owner, link, "court");
    expect(weak.statusCode).toBe(400);
    expect((await userRow(email)).role).toBe("resident");
    const done = await accept(owner, link);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toMatch(/^\/compte\/connexion\?/);

    const row = await userRow(email);
    expect(row.role).toBe("editor");
    expect(row.totp_required).toBe(true);
    expect(row.email_verified_at).not.toBeNull();
    // Every earlier session has ended; the old password no longer opens one.
    expect((await squatter.get("/compte")).headers.location).toMatch(/^\/compte\/connexion/);
    expect((await again.get("/admin")).headers.location).toMatch(/^\/compte\/connexion/);
    expect((await signInWith(new Agent(world.app), email, OLD_PASSWORD)).statusCode).toBe(400);
    // The link served once.
    expect((await accept(new Agent(world.app), link, "Une autre phrase de passe assez longue")).statusCode).toBe(400);

    // The new password opens the back office, which first asks to enrol a second factor.
    const signIn = await signInWith(owner, email, NEW_PASSWORD);
    expect(signIn.headers.location).toBe("/admin");
    expect((await owner.get("/admin")).headers.location).toBe("/admin/securite/double-authentification");
    expect((await owner.get("/admin/securite/double-authentification")).statusCode).toBe(200);

    await mail.waitFor(email, /accès à l’administration est ouvert/);
    const invited = await listEvents(world.db, { action: "staff.invite", targetId: row.id, limit: 5, offset: 0 });
    expect(invited.events[0]).toMatchObject({ actorId: admin.id, details: { role: "editor", existing_account: true } });
    const accepted = await listEvents(world.db, { action: "staff.invitation_accept", targetId: row.id, limit: 5, offset: 0 });
    expect(accepted.events[0]).toMatchObject({ actorId: row.id, details: { role: "editor", invited_by: admin.id } });
  });

  it("removes a second factor set up on the old credential", async () => {
    const email = uniqueEmail("totp");
    await residentSignedIn(email);
    await world.db.updateTable("users").set({ totp_secret: "JBSWY3DPEHPK3PXP", totp_enabled_at: world.clock.now }).where("email", "=", email).execute();
    const admin = await createStaff(world, "admin");
    await invite(admin, email, "policy");
    expect((await accept(new Agent(world.app), await invitationLink(email, 1))).statusCode).toBe(303);
    const row = await userRow(email);
    expect(row).toMatchObject({ role: "policy", totp_required: true, totp_secret: null });
  });

  it("lets no reset, verification or address-change link sent before the invitation claim the role", async () => {
    const email = uniqueEmail("liens");
    const squatter = await residentSignedIn(email);
    const verifyLink = new URL(linkIn(await mail.waitFor(email, /Confirmez/), "/compte/verifier"));
    const forgot = await new Agent(world.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email });
    expect(forgot.statusCode).toBe(303);
    const resetLink = new URL(linkIn(await mail.waitFor(email, /nouveau mot de passe/), "/compte/reinitialiser"));

    const admin = await createStaff(world, "admin");
    await invite(admin, email, "editor");

    // A reset link used after the invitation sets a resident's password: still no staff access.
    const other = new Agent(world.app);
    const reset = await other.submit(resetLink.pathname + resetLink.search, "/compte/reinitialiser", {
      jeton: resetLink.searchParams.get("jeton")!,
      password: "Un mot de passe choisi par le lien de réinitialisation",
    });
    expect(reset.statusCode).toBe(303);
    expect((await signInWith(other, email, "Un mot de passe choisi par le lien de réinitialisation")).statusCode).toBe(303);
    expect((await other.get("/admin")).statusCode).toBe(403);
    expect((await userRow(email)).role).toBe("resident");
    expect(squatter.sessionCookie()).toBeDefined();

    // Accepting ends the links still unused: the address verification sent at sign-up is dead.
    expect((await accept(new Agent(world.app), await invitationLink(email, 1))).statusCode).toBe(303);
    const verify = await new Agent(world.app).submit(verifyLink.pathname + verifyLink.search, "/compte/verifier", {
      jeton: verifyLink.searchParams.get("jeton")!,
    });
    expect(verify.statusCode).toBe(400);
  });

  it("voids the invitation when the account's address is changed to another one before it is accepted", async () => {
    const email = uniqueEmail("bascule");
    const elsewhere = uniqueEmail("ailleurs");
    const squatter = await residentSignedIn(email);
    const change = await squatter.submit("/compte/preferences", "/compte/adresse", { newEmail: elsewhere, emailPassword: OLD_PASSWORD });
    expect(change.statusCode).toBe(303);
    const confirm = new URL(linkIn(await mail.waitFor(elsewhere, /nouvelle adresse/), "/compte/verifier"));

    const admin = await createStaff(world, "admin");
    await invite(admin, email, "admin");
    // The squatter confirms the change of address only now, from their own mailbox.
    const confirmed = await squatter.submit(confirm.pathname + confirm.search, "/compte/verifier", { jeton: confirm.searchParams.get("jeton")! });
    expect(confirmed.statusCode).toBe(303);
    const moved = await userRow(elsewhere);

    // The invitation was for the address, not for whoever holds the account now.
    expect((await admin.agent.get("/admin/equipe")).body).not.toContain(elsewhere);
    const link = await invitationLink(email, 1);
    expect((await new Agent(world.app).open(link)).statusCode).toBe(400);
    expect((await accept(new Agent(world.app), link)).statusCode).toBe(400);
    const after = await world.db.selectFrom("users").select(["role", "password_hash"]).where("id", "=", moved.id).executeTakeFirstOrThrow();
    expect(after.role).toBe("resident");
    expect((await signInWith(new Agent(world.app), elsewhere, OLD_PASSWORD)).statusCode).toBe(303);
  });
});

describe("managing invitations", () => {
  it("replaces the link when the address is invited again, and changes or cancels the offered role from the member page", async () => {
    const email = uniqueEmail("reinvite");
    await residentSignedIn(email);
    const admin = await createStaff(world, "admin");
    await invite(admin, email, "contributor");
    const first = await invitationLink(email, 1);
    await invite(admin, email, "editor");
    const second = await invitationLink(email, 2);
    expect(second).not.toBe(first);
    expect((await new Agent(world.app).open(first)).statusCode).toBe(400);

    const { id } = await userRow(email);
    const page = await admin.agent.get(`/admin/equipe/${id}`);
    expect(page.body).toContain("Invitation en attente");
    expect(page.body).toContain("Rôle proposé");
    // Changing the role of an invited account changes the offer, not the account.
    expect((await admin.agent.send(`/admin/equipe/${id}/role`, { role: "policy" })).statusCode).toBe(303);
    expect((await userRow(email)).role).toBe("resident");
    const changed = await listEvents(world.db, { action: "staff.invitation_role_change", targetId: id, limit: 5, offset: 0 });
    expect(changed.events[0]!.details).toEqual({ from: "editor", to: "policy" });

    const owner = new Agent(world.app);
    expect((await owner.open(second)).body).toContain("« Politique de la ville »");
    // "Habitant" cancels the invitation: the link stops working.
    expect((await admin.agent.send(`/admin/equipe/${id}/role`, { role: "resident" })).statusCode).toBe(303);
    expect((await accept(owner, second)).statusCode).toBe(400);
    expect((await userRow(email)).role).toBe("resident");
    expect((await admin.agent.get("/admin/equipe")).body).not.toContain(email);
    const revoked = await listEvents(world.db, { action: "staff.invitation_revoke", targetId: id, limit: 5, offset: 0 });
    expect(revoked.total).toBe(1);
  });

  it("never gives a staff role to a resident's account from the role form", async () => {
    const admin = await createStaff(world, "admin");
    const resident = await createStaff(world, "resident");
    const res = await admin.agent.send(`/admin/equipe/${resident.id}/role`, { role: "editor" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("ne reçoit un rôle que par une invitation");
    expect((await userRow(resident.email)).role).toBe("resident");
    expect((await resident.agent.get("/admin")).statusCode).toBe(403);
  });

  it("answers a broken or unknown link with a page that says so", async () => {
    for (const link of ["/compte/invitation", "/compte/invitation?jeton=", "/compte/invitation?jeton=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      const res = await new Agent(world.app).open(link);
      expect(res.statusCode, link).toBe(400);
      expect(res.body).toContain("n’est plus valable");
    }
  });
});
