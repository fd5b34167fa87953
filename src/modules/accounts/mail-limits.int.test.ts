// Forms that send e-mail are limited per account and per IP: past the limit the answer is
// the French 429 page and no further message is queued.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { hashPassword } from "../../core/auth/passwords.js";
import { MAIL_JOB } from "../../core/mail/queue.js";
import { LIMITS } from "./service.js";

const PASSWORD = "une longue phrase de passe 🌳";
let n = 0;
const address = (label: string) => `${label}${++n}-${Date.now()}@exemple.fr`;

let w: TestWorld;
let hash: string;
beforeAll(async () => {
  // No worker: the queued messages stay in the table, where the test counts them.
  w = await createTestWorld({ mailWorker: false });
  await createSite(w.db);
  hash = await hashPassword(PASSWORD);
});
afterAll(async () => w?.close());

async function signedIn(opts: { verified?: boolean; ip?: string } = {}) {
  const email = address("limite");
  await w.db
    .insertInto("users")
    .values({ email, password_hash: hash, display_name: "Samia", email_verified_at: opts.verified === false ? null : w.clock.now })
    .execute();
  const agent = new Agent(w.app, undefined, opts.ip);
  expect((await agent.submit("/compte/connexion", "/compte/connexion", { email, password: PASSWORD })).statusCode).toBe(303);
  return { agent, email };
}

async function queuedTo(addresses: string[]): Promise<number> {
  const rows = await w.db.selectFrom("jobs").select("payload").where("kind", "=", MAIL_JOB).execute();
  return rows.filter((r) => addresses.includes(((typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as { to?: string }).to ?? "")).length;
}

describe("e-mail change limits", () => {
  it("refuses the change past the per-account limit with the French 429 page, and queues nothing more", async () => {
    const { agent } = await signedIn();
    const targets: string[] = [];
    for (let i = 0; i < LIMITS.emailChangePerAccount.limit; i++) {
      const target = address("cible");
      targets.push(target);
      expect((await agent.submit("/compte/preferences", "/compte/adresse", { newEmail: target, emailPassword: PASSWORD })).statusCode).toBe(303);
    }
    const extra = address("cible");
    const refused = await agent.submit("/compte/preferences", "/compte/adresse", { newEmail: extra, emailPassword: PASSWORD });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
    expect(refused.body).toContain("Trop de demandes");
    expect(await queuedTo([...targets, extra])).toBe(LIMITS.emailChangePerAccount.limit);
    expect(await queuedTo([extra])).toBe(0);
  });

  it("counts refused attempts too, so the form cannot be used to guess the password", async () => {
    const { agent } = await signedIn();
    for (let i = 0; i < LIMITS.emailChangePerAccount.limit; i++) {
      expect((await agent.submit("/compte/preferences", "/compte/adresse", { newEmail: address("cible"), emailPassword: `faux ${i}` })).statusCode).toBe(400);
    }
    const target = address("cible");
    expect((await agent.submit("/compte/preferences", "/compte/adresse", { newEmail: target, emailPassword: PASSWORD })).statusCode).toBe(429);
    expect(await queuedTo([target])).toBe(0);
  });

  it("limits one IP across accounts", async () => {
    const ip = "203.0.113.77";
    const perAccount = LIMITS.emailChangePerAccount.limit;
    const accounts = await Promise.all(Array.from({ length: Math.ceil(LIMITS.emailChangePerIp.limit / perAccount) + 1 }, () => signedIn({ ip })));
    const targets: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (const { agent } of accounts) {
      for (let i = 0; i < perAccount; i++) {
        const target = address("ip");
        targets.push(target);
        const res = await agent.submit("/compte/preferences", "/compte/adresse", { newEmail: target, emailPassword: PASSWORD });
        if (res.statusCode === 303) accepted++;
        else if (res.statusCode === 429) refused++;
      }
    }
    expect(accepted).toBe(LIMITS.emailChangePerIp.limit);
    expect(refused).toBe(targets.length - LIMITS.emailChangePerIp.limit);
    expect(await queuedTo(targets)).toBe(LIMITS.emailChangePerIp.limit);
  });
});

describe("confirmation resend limit", () => {
  it("sends at most the per-account number of new confirmation links, then answers 429", async () => {
    const { agent, email } = await signedIn({ verified: false });
    for (let i = 0; i < LIMITS.resendPerAccount.limit; i++) {
      expect((await agent.submit("/compte", "/compte/renvoyer-confirmation", {})).statusCode).toBe(303);
    }
    const refused = await agent.submit("/compte", "/compte/renvoyer-confirmation", {});
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain("Trop de demandes");
    expect(await queuedTo([email])).toBe(LIMITS.resendPerAccount.limit);
  });
});
