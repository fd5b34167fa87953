// Every e-mail leaves through the durable job queue: a hung mail server neither slows nor
// fails a form, the forms answer alike whether or not the address has an account, the
// messages leave once the server works again, and survive a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { Agent } from "../../../test/agent.js";
import { createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { linkIn, startHungMailServer, startMailServer, type HungMailServer, type MailBox } from "../../../test/mail.js";
import { buildApp } from "../../app.js";
import { hashPassword } from "../../core/auth/passwords.js";
import { startWorker } from "../../core/jobs/queue.js";
import { MAIL_JOB } from "../../core/mail/queue.js";
import { deliveryJobHandlers } from "../../jobs.js";

const PASSWORD = "une longue phrase de passe 🌳";
let n = 0;
const address = (label: string) => `${label}${++n}-${Date.now()}@exemple.fr`;

let w: TestWorld;
let hung: HungMailServer;
let mail: MailBox;
beforeAll(async () => {
  mail = await startMailServer();
  hung = await startHungMailServer();
  w = await createTestWorld({ smtpUrl: hung.url, smtpTimeoutMs: 1000 });
  await createSite(w.db, { site_name: "Ville d’Essai" });
});
afterAll(async () => {
  await w?.close();
  await hung?.close();
  await mail?.close();
});

async function resident(world: TestWorld, email = address("connu")) {
  await world.db
    .insertInto("users")
    .values({ email, password_hash: await hashPassword(PASSWORD), display_name: "Samia", email_verified_at: world.clock.now })
    .execute();
  return email;
}

/** A page as two visitors see it: CSRF token, CSP nonce and the typed address set aside. */
function comparable(html: string, ...typed: string[]) {
  let out = html.replace(/name="_csrf" value="[^"]*"/g, "").replace(/nonce="[^"]*"/g, "");
  for (const t of typed) out = out.replaceAll(t, "ADRESSE");
  return out;
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mailJobs = (world: TestWorld) =>
  world.db.selectFrom("jobs").select(["id", "payload", "attempts", "done_at", "last_error"]).where("kind", "=", MAIL_JOB).execute();

describe("forms that send e-mail, with a mail server that never answers", () => {
  it("answer at once, alike for known and unknown addresses, and the e-mails leave once the server works", async () => {
    const known = await resident(w);
    const fresh = address("nouveau");
    const unknown = address("inconnu");

    // Sign-up: an address with an account and a new one.
    const signUpKnown = await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email: known, password: PASSWORD, displayName: "Autre" });
    const signUpNew = await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email: fresh, password: PASSWORD, displayName: "Autre" });
    expect(signUpKnown.statusCode).toBe(303);
    expect([signUpNew.statusCode, signUpNew.headers.location, signUpNew.body]).toEqual([
      signUpKnown.statusCode,
      signUpKnown.headers.location,
      signUpKnown.body,
    ]);
    expect(signUpKnown.headers.location).toBe("/compte/creer/merci");

    // Password reset: an address with an account and one without.
    const resetKnown = await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email: known });
    const resetUnknown = await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email: unknown });
    expect(resetKnown.statusCode).toBe(303);
    expect([resetUnknown.statusCode, resetUnknown.headers.location, resetUnknown.body]).toEqual([
      resetKnown.statusCode,
      resetKnown.headers.location,
      resetKnown.body,
    ]);
    const [sentKnown, sentUnknown] = [await new Agent(w.app).get(resetKnown.headers.location!), await new Agent(w.app).get(resetUnknown.headers.location!)];
    expect(sentKnown.statusCode).toBe(200);
    expect(comparable(sentUnknown.body)).toBe(comparable(sentKnown.body));

    // Sign-in: a wrong password on an account, and an address without one.
    const signInKnown = await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email: known, password: "pas le bon mot de passe" });
    const signInUnknown = await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email: unknown, password: "pas le bon mot de passe" });
    expect(signInKnown.statusCode).toBe(400);
    expect(signInUnknown.statusCode).toBe(400);
    expect(comparable(signInUnknown.body, unknown)).toBe(comparable(signInKnown.body, known));

    // E-mail change, to an address that has an account and to a free one.
    const signedIn = new Agent(w.app);
    expect((await signedIn.submit("/compte/connexion", "/compte/connexion", { email: known, password: PASSWORD })).statusCode).toBe(303);
    const toTaken = await signedIn.submit("/compte/preferences", "/compte/adresse", { newEmail: fresh, emailPassword: PASSWORD });
    const toFree = await signedIn.submit("/compte/preferences", "/compte/adresse", { newEmail: address("libre"), emailPassword: PASSWORD });
    expect(toTaken.statusCode).toBe(303);
    expect([toFree.statusCode, toFree.headers.location]).toEqual([toTaken.statusCode, toTaken.headers.location]);

    // One account per address, and the messages wait in the queue while the server hangs.
    const accounts = await w.db.selectFrom("users").select("email").where("email", "in", [known, fresh, unknown]).execute();
    expect(accounts.map((a) => a.email).sort()).toEqual([known, fresh].sort());
    await eventually(async () => (await mailJobs(w)).some((j) => j.last_error !== null), "a delivery attempt failed");
    expect(hung.connections).toBeGreaterThan(0);
    expect(mail.messages).toHaveLength(0);

    // The server works again: the queue retries (after its backoff, on the test clock).
    hung.repair(mail);
    w.clock.now = new Date(w.clock.now.getTime() + 3600_000);
    expect((await mail.waitFor(known, /déjà un compte/, 20_000)).text).toContain("Aucun nouveau compte");
    await mail.waitFor(fresh, /Confirmez/, 20_000);
    const reset = await mail.waitFor(known, /mot de passe/i, 20_000);
    expect(linkIn(reset, "/compte/reinitialiser?jeton=")).toContain("https://portail.test/");
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.to(unknown)).toHaveLength(0);

    // Delivered messages leave no link behind in the jobs table.
    await eventually(async () => (await mailJobs(w)).every((j) => j.done_at !== null), "every mail job done");
    const jobs = await w.db
      .selectFrom("jobs")
      .select(["kind", sql<string>`payload::text`.as("payload")])
      .where("done_at", "is not", null)
      .execute();
    expect(jobs.some((j) => j.kind === MAIL_JOB)).toBe(true);
    for (const job of jobs.filter((j) => j.kind === MAIL_JOB || j.kind.startsWith("account."))) {
      expect(job.payload).not.toMatch(/jeton|@/);
    }
    expect((await mailJobs(w)).some((j) => j.attempts >= 2)).toBe(true); // retried, not lost
  }, 60_000);
});

describe("a queued e-mail and a restart", () => {
  it("keeps the message in the jobs table and delivers it from a new process", async () => {
    const box = await startMailServer();
    const first = await createTestWorld({ smtpUrl: box.url, mailWorker: false });
    let restarted: Awaited<ReturnType<typeof buildApp>> | null = null;
    let worker: ReturnType<typeof startWorker> | null = null;
    try {
      await createSite(first.db);
      const email = address("redemarrage");
      const res = await new Agent(first.app).submit("/compte/creer", "/compte/creer", { email, password: PASSWORD });
      expect(res.statusCode).toBe(303);
      const pending = (await mailJobs(first)).filter((j) => j.done_at === null);
      expect(pending).toHaveLength(1);
      expect(box.messages).toHaveLength(0);

      // The process stops before sending; another one starts on the same database.
      await first.app.close();
      restarted = await buildApp({ config: first.config, db: first.db, now: () => first.clock.now });
      worker = startWorker({ db: first.db, handlers: deliveryJobHandlers(restarted.deps), now: () => first.clock.now, signal: restarted.deps.jobSignal });
      const received = await box.waitFor(email, /Confirmez/);
      expect(linkIn(received, "/compte/verifier?jeton=")).toContain("jeton=");
      await eventually(async () => (await mailJobs(first)).every((j) => j.done_at !== null), "the job is done");
      const done = await first.db
        .selectFrom("jobs")
        .select(sql<string>`payload::text`.as("payload"))
        .where("id", "=", pending[0]!.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(done.payload)).toEqual({});
    } finally {
      await worker?.stop();
      await restarted?.close();
      await first.close();
      await box.close();
    }
  });
});
