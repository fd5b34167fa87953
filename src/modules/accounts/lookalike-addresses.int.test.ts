// An address that looks like someone else's (invisible characters, full-width letters,
// bidi marks) never becomes a second account: it is refused with a French message next to
// the field, or folded to the one real address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { startMailServer, type MailBox } from "../../../test/mail.js";
import { hashPassword } from "../../core/auth/passwords.js";
import { MAIL_JOB } from "../../core/mail/queue.js";

const PASSWORD = "une longue phrase de passe 🌳";
const ALICE = "alice@example.test";
const FULL_WIDTH = "ａｌｉｃｅ@example.test";
const INVISIBLE = [
  ["a zero-width space", `${ALICE}\u200B`],
  ["a right-to-left mark", `\u200F${ALICE}`],
  ["a right-to-left override", "alice@exa\u202Emple.test"],
  ["a zero-width joiner", "ali\u200Dce@example.test"],
  ["a Hangul filler", "alice\u3164@example.test"],
] as const;

let w: TestWorld;
let mail: MailBox;
beforeAll(async () => {
  mail = await startMailServer();
  w = await createTestWorld({ smtpUrl: mail.url });
  await createSite(w.db, { site_name: "Ville d’Essai" });
  await w.db
    .insertInto("users")
    .values({ email: ALICE, password_hash: await hashPassword(PASSWORD), display_name: "Alice", email_verified_at: w.clock.now })
    .execute();
});
afterAll(async () => {
  await w?.close();
  await mail?.close();
});

async function accounts() {
  return (await w.db.selectFrom("users").select("email").execute()).map((u) => u.email);
}

/** Addresses of every queued message, sent or not. */
async function queuedRecipients(): Promise<string[]> {
  const rows = await w.db.selectFrom("jobs").select("payload").where("kind", "=", MAIL_JOB).execute();
  return rows.map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as { to?: string }).flatMap((p) => (p.to ? [p.to] : []));
}

describe("look-alike addresses", () => {
  it.each(INVISIBLE)("refuses a sign-up with %s in French, creating nothing and mailing nobody", async (_label, email) => {
    const before = await queuedRecipients();
    const res = await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email, password: PASSWORD, displayName: "Mallory" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("caractères invisibles");
    expect(res.body).toContain('id="champ-email-erreur"');
    expect(await accounts()).toEqual([ALICE]);
    expect(await queuedRecipients()).toEqual(before);
  });

  it("folds a full-width address to the real one: no second account, the owner is told", async () => {
    const res = await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email: FULL_WIDTH, password: PASSWORD, displayName: "Mallory" });
    expect(res.statusCode).toBe(303);
    expect(await accounts()).toEqual([ALICE]);
    expect((await mail.waitFor(ALICE, /déjà un compte/)).text).toContain("Aucun nouveau compte");
    expect((await queuedRecipients()).every((to) => to === ALICE)).toBe(true);
  });

  it("signs in and resets the password of the real account from a full-width spelling, and refuses invisible ones", async () => {
    const signIn = await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email: "ＡＬＩＣＥ@ＥＸＡＭＰＬＥ.ＴＥＳＴ", password: PASSWORD });
    expect(signIn.statusCode).toBe(303);
    const invisible = await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email: `${ALICE}\u200B`, password: PASSWORD });
    expect(invisible.statusCode).toBe(400);

    const reset = await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email: FULL_WIDTH });
    expect(reset.statusCode).toBe(303);
    await mail.waitFor(ALICE, /mot de passe/i);
    const refused = await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email: `\u200F${ALICE}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("caractères invisibles");
  });

  it("refuses a look-alike as a new address, and takes a full-width spelling of one's own address for what it is", async () => {
    const bob = "bob@example.test";
    await w.db
      .insertInto("users")
      .values({ email: bob, password_hash: await hashPassword(PASSWORD), display_name: "Bob", email_verified_at: w.clock.now })
      .execute();
    const agent = new Agent(w.app);
    expect((await agent.submit("/compte/connexion", "/compte/connexion", { email: bob, password: PASSWORD })).statusCode).toBe(303);
    const before = await queuedRecipients();
    const lookAlike = await agent.submit("/compte/preferences", "/compte/adresse", { newEmail: `${ALICE}\u200B`, emailPassword: PASSWORD });
    expect(lookAlike.statusCode).toBe(400);
    expect(lookAlike.body).toContain("caractères invisibles");
    const own = await agent.submit("/compte/preferences", "/compte/adresse", { newEmail: "ｂｏｂ@example.test", emailPassword: PASSWORD });
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain("C’est déjà l’adresse de votre compte.");
    expect(await queuedRecipients()).toEqual(before);
  });
});
