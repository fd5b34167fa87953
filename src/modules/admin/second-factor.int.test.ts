// The staff second factor from end to end through HTTP: enrolment forced by an admin's
// requirement, sign-in with a TOTP code, replay refused, recovery codes, attempt limits,
// and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents } from "../../core/audit.js";
import { base32Decode, totpCode } from "../../core/auth/totp.js";
import { Agent, csrfIn } from "../../../test/agent.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createStaff, STAFF_PASSWORD } from "../../../test/staff.js";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld({ now: new Date("2027-03-02T09:00:00Z") });
});
afterAll(async () => world?.close());

const later = (seconds: number) => {
  world.clock.now = new Date(world.clock.now.getTime() + seconds * 1000);
};

/** Enrols the staff member through the pages; returns the secret and the recovery codes. */
async function enrol(agent: import("../../../test/staff.js").StaffAgent) {
  const page = await agent.get("/admin/securite/double-authentification");
  expect(page.statusCode).toBe(200);
  const secret = /class="admin-secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, "");
  expect(base32Decode(secret).length).toBeGreaterThanOrEqual(20);
  expect(page.body).toContain("<svg");
  const wrong = await agent.send("/admin/securite/double-authentification", { code: "000000" === totpCode(secret, world.clock.now) ? "111111" : "000000" });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.body).toContain("Ce code est incorrect");
  const done = await agent.send("/admin/securite/double-authentification", { code: totpCode(secret, world.clock.now) });
  expect(done.statusCode).toBe(200);
  const codes = [...done.body.matchAll(/<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/code>/g)].map((m) => m[1]!);
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

async function signInWithPassword(email: string) {
  const visitor = new Agent(world.app);
  const res = await visitor.submit("/compte/connexion", "/compte/connexion", { email, password: STAFF_PASSWORD, retour: "/admin" });
  return { visitor, res };
}

describe("second factor", () => {
  it("forces enrolment when required, then asks for a single-use code at every sign-in", async () => {
    const editor = await createStaff(world, "editor", { totpRequired: true });
    expect((await editor.agent.get("/admin")).headers.location).toBe("/admin/securite/double-authentification");
    const { secret } = await enrol(editor.agent);
    expect((await editor.agent.get("/admin")).statusCode).toBe(200);

    // The password alone opens no session.
    later(60);
    const { visitor, res } = await signInWithPassword(editor.email);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/compte/connexion/code");
    expect(visitor.sessionCookie()).toBeUndefined();
    expect((await visitor.get("/admin")).headers.location).toMatch(/^\/compte\/connexion/);

    const codeNow = totpCode(secret, world.clock.now);
    const bad = await visitor.submit("/compte/connexion/code", "/compte/connexion/code", { code: codeNow === "123456" ? "654321" : "123456" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Il vous reste 4 essais");
    const ok = await visitor.submit("/compte/connexion/code", "/compte/connexion/code", { code: codeNow });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/admin");
    expect(visitor.sessionCookie()).toBeDefined();
    expect((await visitor.get("/admin")).statusCode).toBe(200);

    // The same code again, from another browser: refused even inside its 30 seconds.
    const { visitor: thief } = await signInWithPassword(editor.email);
    const replay = await thief.submit("/compte/connexion/code", "/compte/connexion/code", { code: codeNow });
    expect(replay.statusCode).toBe(400);
    expect(thief.sessionCookie()).toBeUndefined();

    const events = await listEvents(world.db, { actorId: editor.id, action: "auth.*", limit: 10, offset: 0 });
    expect(events.events.map((e) => e.action)).toEqual(["auth.sign_in", "auth.totp_enable"]);
    expect(events.events[0]!.details).toEqual({ method: "totp" });
  });

  it("accepts each recovery code once, and ends the step after five wrong codes", async () => {
    const admin = await createStaff(world, "admin");
    later(60);
    const { codes } = await enrol(admin.agent);
    later(60);
    const first = await signInWithPassword(admin.email);
    const used = await first.visitor.submit("/compte/connexion/code", "/compte/connexion/code", { code: codes[0]!.toUpperCase() });
    expect(used.headers.location).toBe("/admin/securite?statut=code-de-secours-utilise");
    const page = await first.visitor.get("/admin/securite?statut=code-de-secours-utilise");
    expect(page.body).toContain("<strong>9</strong> sur 10");

    const second = await signInWithPassword(admin.email);
    const reused = await second.visitor.submit("/compte/connexion/code", "/compte/connexion/code", { code: codes[0]! });
    expect(reused.statusCode).toBe(400);
    let last = reused;
    for (let i = 0; i < 4; i++) last = await second.visitor.submit("/compte/connexion/code", "/compte/connexion/code", { code: "aaaa-bbbb-cccc" });
    expect(last.statusCode).toBe(303);
    expect(last.headers.location).toBe("/compte/connexion?statut=verification-expiree");
    // The step is over: even a good code no longer helps without the password.
    const token = csrfIn((await second.visitor.get("/compte/connexion")).body)!;
    const after = await second.visitor.post("/compte/connexion/code", { _csrf: token, code: codes[1]! });
    expect(after.headers.location).toBe("/compte/connexion?statut=verification-expiree");
    expect(second.visitor.sessionCookie()).toBeUndefined();
  });

  it("renews recovery codes and switches off only with a current code, and never when required", async () => {
    const contributor = await createStaff(world, "contributor");
    later(60);
    const { secret, codes } = await enrol(contributor.agent);
    later(31);
    const renewed = await contributor.agent.send("/admin/securite/codes-de-secours", { code: totpCode(secret, world.clock.now) });
    const fresh = [...renewed.body.matchAll(/<code>([a-z2-9-]{14})<\/code>/g)].map((m) => m[1]!);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[0]);
    const noCode = await contributor.agent.send("/admin/securite/desactiver", { code: "" });
    expect(noCode.statusCode).toBe(400);
    later(31);
    const off = await contributor.agent.send("/admin/securite/desactiver", { code: totpCode(secret, world.clock.now) });
    expect(off.headers.location).toBe("/admin/securite?statut=desactivee");
    const row = await world.db.selectFrom("users").select(["totp_secret", "totp_enabled_at"]).where("id", "=", contributor.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });

    const policy = await createStaff(world, "policy", { totpRequired: true });
    const enrolled = await enrol(policy.agent);
    later(31);
    const refused = await policy.agent.send("/admin/securite/desactiver", { code: totpCode(enrolled.secret, world.clock.now) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("obligatoire");
  });

  it("records password-only staff sign-ins, not residents'", async () => {
    const editor = await createStaff(world, "editor", { signedIn: false });
    const { res } = await signInWithPassword(editor.email);
    expect(res.headers.location).toBe("/admin");
    const resident = await createStaff(world, "resident", { signedIn: false });
    await signInWithPassword(resident.email);
    const events = await listEvents(world.db, { action: "auth.sign_in", limit: 50, offset: 0 });
    expect(events.events.some((e) => e.actorId === editor.id && e.details.method === "none")).toBe(true);
    expect(events.events.some((e) => e.actorId === resident.id)).toBe(false);
  });
});
