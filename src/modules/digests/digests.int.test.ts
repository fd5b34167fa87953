// Digests end to end on a real SMTP server in the test process: what a digest holds and
// when it leaves (local hour, daylight saving), nothing when nothing is new, the SMTP server
// down then up, a permanent refusal, two workers, header injection, the unsubscribe link.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createAction, createArticle, createSite, createTheme } from "../../../test/factories.js";
import { createSubscriber, drain, tick } from "../../../test/digests.js";
import { startControlledMailServer, type ControlledMailServer } from "../../../test/digests-mail.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { recipients } from "../../../test/mail.js";
import { runDueJobs } from "../../core/jobs/queue.js";
import { guardedRoutes } from "../../core/http/input-guard.js";
import { allJobHandlers } from "../../jobs.js";
import { runDigests } from "./service.js";
import { unsubscribeToken } from "./token.js";

let w: TestWorld;
let smtp: ControlledMailServer;
beforeAll(async () => {
  smtp = await startControlledMailServer();
  w = await createTestWorld({ smtpUrl: smtp.url, smtpTimeoutMs: 1000, now: new Date("2027-01-04T00:00:00Z") });
  await createSite(w.db, { site_name: "Ville d’Essai" });
});
afterAll(async () => {
  await w?.close();
  await smtp?.close();
});

const H = 3600_000;
const clock = () => w.clock.now;
const deliveriesOf = (userId: number) => w.db.selectFrom("digest_deliveries").selectAll().where("user_id", "=", userId).orderBy("id").execute();

describe("a daily digest", () => {
  it("leaves at the chosen Paris hour with the new items ranked like the feed, updated favourites, unsubscribe headers; once a day; nothing when nothing is new", async () => {
    const theme = await createTheme(w.db, { name: "Emploi" });
    const other = await createTheme(w.db, { name: "Sport" });
    const sub = await createSubscriber(w.db, { frequency: "daily", hour: 8, themeIds: [theme.id] });
    // 2027-01-11 is a Monday; 08:00 in Paris (winter) is 07:00 UTC.
    const day = new Date("2027-01-11T00:00:00Z");
    const older = await createArticle(w.db, { title: "Forum de l’emploi", themeIds: [theme.id], publishedAt: new Date(day.getTime() - 10 * H) });
    const newer = await createArticle(w.db, { title: "Ateliers CV", themeIds: [theme.id], publishedAt: new Date(day.getTime() - 2 * H) });
    await createArticle(w.db, { title: "Tournoi de foot", themeIds: [other.id], publishedAt: new Date(day.getTime() - 3 * H) });
    const page = await createArticle(w.db, { title: "Page suivie", publishedAt: new Date("2026-06-01T00:00:00Z") });
    await w.db
      .updateTable("content_items")
      .set({ updated_at: new Date(day.getTime() - 5 * H) })
      .where("id", "=", page.id)
      .execute();
    const action = await createAction(w.db, { title: "Rénovation du gymnase" });
    await w.db
      .updateTable("actions")
      .set({ updated_at: new Date(day.getTime() - 4 * H) })
      .where("id", "=", action.id)
      .execute();
    await w.db
      .insertInto("favourites")
      .values([
        { user_id: sub.id, content_id: page.id, action_id: null, created_at: new Date("2026-07-01T00:00:00Z") },
        { user_id: sub.id, content_id: null, action_id: action.id, created_at: new Date("2026-07-01T00:00:00Z") },
      ])
      .execute();
    // A digest was sent the day before at 08:00: this one starts there.
    await w.db
      .updateTable("digest_subscriptions")
      .set({ last_key: "J2027-01-10", last_until: new Date("2027-01-10T07:00:00Z") })
      .where("user_id", "=", sub.id)
      .execute();

    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-11T06:00:00Z")); // 07:00 in Paris
    expect(smtp.to(sub.email)).toHaveLength(0);
    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-11T07:00:00Z")); // 08:00
    const mails = smtp.to(sub.email);
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.subject).toMatch(/^Votre lettre quotidienne : 4 nouveautés – Ville d’Essai$/);
    const text = m.text ?? "";
    // Newest first among equal matches (the feed's ranking), then "mis à jour".
    expect(text.indexOf("Ateliers CV")).toBeGreaterThan(-1);
    expect(text.indexOf("Ateliers CV")).toBeLessThan(text.indexOf("Forum de l’emploi"));
    expect(text).not.toContain("Tournoi de foot");
    expect(text.indexOf("MIS À JOUR")).toBeLessThan(text.indexOf("Page suivie"));
    expect(text).toContain("Rénovation du gymnase");
    expect(text).toContain(`https://portail.test/actualites/`);
    const html = String(m.html);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Mis à jour");
    expect(html).not.toMatch(/<img(?![^>]*\balt=)/);
    for (const href of html.matchAll(/href="([^"]+)"/g)) expect(href[1]).toMatch(/^https:\/\/portail\.test\//);
    // Unfolded: a long header value is folded onto a second line.
    const line = (key: string) => (m.headerLines.find((h) => h.key === key)?.line ?? "").replace(/\r\n\s+/g, " ");
    expect(line("list-unsubscribe")).toMatch(/^List-Unsubscribe: <https:\/\/portail\.test\/lettre\/desabonnement\/\d+\.[A-Za-z0-9_-]{43}>$/);
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(String(m.messageId)).toMatch(/^<digest-\d+-J2027-01-11@portail\.test>$/);

    // Later the same day: nothing more. Next day with nothing new: nothing sent, the day recorded.
    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-11T08:00:00Z"));
    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-12T07:00:00Z"));
    expect(smtp.to(sub.email)).toHaveLength(1);
    const sub2 = await w.db.selectFrom("digest_subscriptions").select(["last_key"]).where("user_id", "=", sub.id).executeTakeFirstOrThrow();
    expect(sub2.last_key).toBe("J2027-01-12");
    expect((await deliveriesOf(sub.id)).map((d) => d.status)).toEqual(["sent"]);
    // Day after: a new article appears and only it is sent.
    await createArticle(w.db, { title: "Job dating", themeIds: [theme.id], publishedAt: new Date("2027-01-12T12:00:00Z") });
    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-13T07:00:00Z"));
    const third = smtp.to(sub.email);
    expect(third).toHaveLength(2);
    expect(third[1]!.text).toContain("Job dating");
    expect(third[1]!.text).not.toContain("Ateliers CV");
    expect(newer.id).toBeGreaterThan(older.id);
  });

  it("sends nothing to a resident without consent, with the frequency off, or with an unconfirmed address", async () => {
    const theme = await createTheme(w.db);
    const noConsent = await createSubscriber(w.db, { consent: false, themeIds: [theme.id] });
    const off = await createSubscriber(w.db, { frequency: "off", themeIds: [theme.id] });
    const unconfirmed = await createSubscriber(w.db, { themeIds: [theme.id] });
    await w.db.updateTable("users").set({ email_verified_at: null }).where("id", "=", unconfirmed.id).execute();
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-01-20T01:00:00Z") });
    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-20T09:00:00Z"));
    for (const s of [noConsent, off, unconfirmed]) {
      expect(smtp.to(s.email)).toHaveLength(0);
      expect(await deliveriesOf(s.id)).toEqual([]);
    }
  });
});

describe("delivery guarantees", () => {
  it("SMTP down for an hour then up: every digest delivered exactly once", async () => {
    const theme = await createTheme(w.db);
    const subs = [];
    for (let i = 0; i < 4; i++) subs.push(await createSubscriber(w.db, { frequency: "daily", hour: 8, themeIds: [theme.id] }));
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-02-01T05:00:00Z") });
    smtp.down = true;
    let at = new Date("2027-02-01T07:00:00Z");
    await tick(w.app.deps, w.db, w.clock, at);
    for (let minute = 0; minute <= 70; minute += 5) {
      at = new Date(at.getTime() + 5 * 60_000);
      await tick(w.app.deps, w.db, w.clock, at);
    }
    for (const s of subs) expect(smtp.to(s.email)).toHaveLength(0);
    const waiting = await w.db.selectFrom("jobs").select(["attempts", "last_error"]).where("kind", "=", "digests.send").where("done_at", "is", null).execute();
    expect(waiting.length).toBeGreaterThanOrEqual(4);
    expect(waiting.every((j) => j.attempts >= 4 && /421|indisponible/i.test(j.last_error ?? ""))).toBe(true);
    smtp.down = false;
    for (let k = 0; k < 6; k++) {
      at = new Date(at.getTime() + 30 * 60_000);
      await tick(w.app.deps, w.db, w.clock, at);
    }
    for (const s of subs) {
      expect(smtp.to(s.email)).toHaveLength(1);
      expect((await deliveriesOf(s.id)).map((d) => d.status)).toEqual(["sent"]);
    }
  });

  it("a permanent refusal (550) is not retried, marks the address and shows in the back office", async () => {
    const theme = await createTheme(w.db);
    const s = await createSubscriber(w.db, { frequency: "daily", hour: 8, themeIds: [theme.id] });
    smtp.refuse.add(s.email);
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-02-10T05:00:00Z") });
    await tick(w.app.deps, w.db, w.clock, new Date("2027-02-10T07:00:00Z"));
    const [d] = await deliveriesOf(s.id);
    expect(d).toMatchObject({ status: "failed" });
    expect(d!.error).toMatch(/550|inconnue/i);
    const sub = await w.db.selectFrom("digest_subscriptions").select(["bounced_at", "bounce_reason"]).where("user_id", "=", s.id).executeTakeFirstOrThrow();
    expect(sub.bounced_at).not.toBeNull();
    const job = await w.db
      .selectFrom("jobs")
      .select(["attempts", "done_at"])
      .where("kind", "=", "digests.send")
      .where(sql`payload->>'delivery'`, "=", String(d!.id))
      .executeTakeFirstOrThrow();
    expect(job.attempts).toBe(1);
    expect(job.done_at).not.toBeNull();
    // No more digests to that address.
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-02-10T12:00:00Z") });
    await tick(w.app.deps, w.db, w.clock, new Date("2027-02-11T07:00:00Z"));
    expect(await deliveriesOf(s.id)).toHaveLength(1);
    smtp.refuse.delete(s.email);
  });

  it("two workers and a run started twice: one delivery and one message per resident", async () => {
    const theme = await createTheme(w.db);
    const subs = [];
    for (let i = 0; i < 12; i++) subs.push(await createSubscriber(w.db, { frequency: "daily", hour: 8, themeIds: [theme.id] }));
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-02-15T05:00:00Z") });
    const period = new Date("2027-02-15T07:00:00Z");
    w.clock.now = period;
    await Promise.all([runDigests(w.app.deps, period, { clock, batch: 5 }), runDigests(w.app.deps, period, { clock, batch: 3 })]);
    const handlers = allJobHandlers(w.app.deps);
    await Promise.all([runDueJobs(w.db, handlers, clock, 100), runDueJobs(w.db, handlers, clock, 100), drain(w.app.deps, w.db, clock)]);
    for (const s of subs) {
      expect(smtp.to(s.email)).toHaveLength(1);
      expect(await deliveriesOf(s.id)).toHaveLength(1);
    }
  });

  it("a delivery found still 'sending' (its worker died during the SMTP exchange) becomes uncertain and is never sent again", async () => {
    const theme = await createTheme(w.db);
    const s = await createSubscriber(w.db, { frequency: "daily", hour: 8, themeIds: [theme.id] });
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-02-20T05:00:00Z") });
    const period = new Date("2027-02-20T07:00:00Z");
    w.clock.now = period;
    await runDigests(w.app.deps, period, { clock });
    const [d] = await deliveriesOf(s.id);
    // What a crash leaves: the claim committed, the outcome never recorded, the job's lease over.
    await w.db.updateTable("digest_deliveries").set({ status: "sending", sending_at: period }).where("id", "=", d!.id).execute();
    await drain(w.app.deps, w.db, clock);
    expect(smtp.to(s.email)).toHaveLength(0);
    expect((await deliveriesOf(s.id))[0]).toMatchObject({ status: "uncertain" });
  });
});

describe("daylight saving (Europe/Paris)", () => {
  // Each case its own hours: a period's run exists once, whatever the test asks later.
  async function daysAround(hour: number, from: string, hours: number, lastKey: string | null = null) {
    const theme = await createTheme(w.db);
    const s = await createSubscriber(w.db, { frequency: "daily", hour, themeIds: [theme.id] });
    await w.db.updateTable("digest_subscriptions").set({ last_key: lastKey }).where("user_id", "=", s.id).execute();
    const start = new Date(from);
    const sentAt: string[] = [];
    for (let h = 0; h < hours; h++) {
      const at = new Date(start.getTime() + h * H);
      // Something new every hour, so that every due digest has content.
      await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date(at.getTime() - 60_000) });
      const before = smtp.to(s.email).length;
      await tick(w.app.deps, w.db, w.clock, at);
      if (smtp.to(s.email).length > before) sentAt.push(at.toISOString());
    }
    return sentAt;
  }

  it("spring forward (last Sunday of March): 08:00 local is 07:00 UTC before, 06:00 UTC after; 02:00, which does not exist, is served at 03:00", async () => {
    expect(await daysAround(8, "2027-03-27T00:00:00Z", 48)).toEqual(["2027-03-27T07:00:00.000Z", "2027-03-28T06:00:00.000Z"]);
    // 26 March 2028: 01:00 UTC is 03:00 in Paris, the first hour at or after 02:00 that day.
    expect(await daysAround(2, "2028-03-25T22:00:00Z", 6, "J2028-03-25")).toEqual(["2028-03-26T01:00:00.000Z"]);
  });

  it("fall back (last Sunday of October): 02:00 happens twice and is served once; 08:00 moves from 06:00 to 07:00 UTC", async () => {
    expect(await daysAround(8, "2027-10-30T00:00:00Z", 48)).toEqual(["2027-10-30T06:00:00.000Z", "2027-10-31T07:00:00.000Z"]);
    // 29 October 2028: 00:00 UTC is 02:00 summer time, 01:00 UTC is 02:00 winter time.
    expect(await daysAround(2, "2028-10-28T22:00:00Z", 6, "J2028-10-28")).toEqual(["2028-10-29T00:00:00.000Z"]);
  });
});

describe("header injection", () => {
  it("a display name with a line break never reaches a header: the digest goes to the address alone, to one recipient", async () => {
    const theme = await createTheme(w.db);
    const victim = "victime@exemple.fr";
    const s = await createSubscriber(w.db, { frequency: "daily", hour: 8, themeIds: [theme.id], displayName: `Eve\r\nBcc: ${victim}\r\nX-Injected: 1` });
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-04-05T05:00:00Z") });
    await tick(w.app.deps, w.db, w.clock, new Date("2027-04-05T06:00:00Z"));
    const [m] = smtp.to(s.email);
    expect(m).toBeDefined();
    expect(m!.headers.has("x-injected")).toBe(false);
    expect(m!.headers.has("bcc")).toBe(false);
    expect(recipients(m!)).toEqual([s.email]);
    expect(smtp.envelopes[smtp.messages.indexOf(m!)]).toEqual([s.email]);
    expect(smtp.to(victim)).toHaveLength(0);
  });
});

describe("unsubscribe link", () => {
  async function subscriberWithToken(frequency: "daily" | "weekly" = "daily") {
    const s = await createSubscriber(w.db, { frequency });
    return { ...s, token: await unsubscribeToken(w.db, s.id) };
  }
  const frequencyOf = async (id: number) =>
    (await w.db.selectFrom("digest_subscriptions").select("frequency").where("user_id", "=", id).executeTakeFirstOrThrow()).frequency;

  it("works without a session: the page confirms, offers a lower frequency, and the form applies it", async () => {
    const s = await subscriberWithToken("daily");
    const visitor = new Agent(w.app);
    const page = await visitor.get(`/lettre/desabonnement/${s.token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["referrer-policy"]).toBe("same-origin");
    expect(page.body).toContain("Me désabonner");
    expect(page.body).toContain("Recevoir une lettre par semaine");
    const lower = await visitor.post(`/lettre/desabonnement/${s.token}`, { frequence: "hebdomadaire" });
    expect(lower.statusCode).toBe(303);
    expect(await frequencyOf(s.id)).toBe("weekly");
    expect((await visitor.get(lower.headers.location as string)).body).toContain("une seule lettre par semaine");
    const off = await visitor.post(`/lettre/desabonnement/${s.token}`, { frequence: "desactivee" });
    expect(off.statusCode).toBe(303);
    expect(await frequencyOf(s.id)).toBe("off");
  });

  it("one-click POST (RFC 8058) needs no CSRF token, only the signature, urlencoded or multipart", async () => {
    const a = await subscriberWithToken();
    const res = await w.app.inject({
      method: "POST",
      url: `/lettre/desabonnement/${a.token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(res.statusCode).toBe(200);
    expect(await frequencyOf(a.id)).toBe("off");
    const b = await subscriberWithToken();
    const boundary = "----portail";
    const multipart = await w.app.inject({
      method: "POST",
      url: `/lettre/desabonnement/${b.token}`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(200);
    expect(await frequencyOf(b.id)).toBe("off");
  });

  it("is refused for another account (a token re-pointed or forged: 404, nothing changed), and only this route skips the CSRF token", async () => {
    const a = await subscriberWithToken();
    const b = await subscriberWithToken();
    const signature = a.token.split(".")[1]!;
    for (const token of [`${b.id}.${signature}`, `${b.id}.${"A".repeat(43)}`, `${b.id}`, "abc"]) {
      const get = await w.app.inject({ url: `/lettre/desabonnement/${token}` });
      expect(get.statusCode).toBe(404);
      const post = await w.app.inject({
        method: "POST",
        url: `/lettre/desabonnement/${token}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "List-Unsubscribe=One-Click",
      });
      expect(post.statusCode).toBe(404);
    }
    expect(await frequencyOf(b.id)).toBe("daily");
    const exempt = guardedRoutes(w.app)
      .filter((r) => (r.config as { csrfSignedLink?: boolean } | undefined)?.csrfSignedLink === true)
      .map((r) => `${r.method} ${r.url}`);
    expect(exempt).toEqual(["POST /lettre/desabonnement/:jeton"]);
    // The settings form still wants its token.
    const noToken = await w.app.inject({
      method: "POST",
      url: "/compte/lettre",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "frequence=desactivee",
    });
    expect(noToken.statusCode).toBe(403);
    // A cross-site browser post of the one-click route is refused as any other.
    const crossSite = await w.app.inject({
      method: "POST",
      url: `/lettre/desabonnement/${a.token}`,
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(crossSite.statusCode).toBe(403);
  });
});
