// The resident's unread participation notices in the e-mail digest (issue #15): those written
// in the digest's period, newest first, at most ten with a link to the inbox for the rest, in
// the HTML and the text part, escaped; not older ones, not read ones, not later ones (the next
// digest's); a digest with only notices is sent, one with nothing is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite } from "../../../test/factories.js";
import { createSubscriber, tick } from "../../../test/digests.js";
import { startControlledMailServer, type ControlledMailServer } from "../../../test/digests-mail.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

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
type Kind = "reply" | "moderation" | "follow" | "answer" | "block";

async function notice(userId: number, message: string, at: Date, o: { kind?: Kind; href?: string; readAt?: Date } = {}) {
  await w.db
    .insertInto("participation_notifications")
    .values({ user_id: userId, kind: o.kind ?? "reply", message, href: o.href ?? "/participation/idees/1-une-idee", created_at: at, read_at: o.readAt ?? null })
    .execute();
}

describe("participation notices in the digest", () => {
  it("lists the period's unread notices newest first, ten at most with a link to the inbox, escaped in HTML and text; nothing older, read or later", async () => {
    const sub = await createSubscriber(w.db, { frequency: "daily", hour: 8 });
    const quiet = await createSubscriber(w.db, { frequency: "daily", hour: 8 });
    // The previous digest left on 2027-01-10 at 08:00 Paris (07:00 UTC): this one starts there.
    const since = new Date("2027-01-10T07:00:00Z");
    for (const id of [sub.id, quiet.id])
      await w.db.updateTable("digest_subscriptions").set({ last_key: "J2027-01-10", last_until: since }).where("user_id", "=", id).execute();

    await notice(sub.id, "Avant la période", new Date(since.getTime() - H));
    await notice(sub.id, "Déjà lue", new Date(since.getTime() + H), { readAt: new Date(since.getTime() + 2 * H) });
    for (let i = 1; i <= 11; i++) await notice(sub.id, `Réponse numéro ${i}`, new Date(since.getTime() + i * H), { kind: i % 2 ? "reply" : "follow" });
    await notice(sub.id, `La ville a répondu à « <img src=x onerror=alert(1)> & "tout" »`, new Date(since.getTime() + 12 * H), {
      kind: "answer",
      href: "/participation/idees/7-jardin?a=1&b=2",
    });
    // Written after the digest's end: the next one's.
    await notice(sub.id, "Après la lettre", new Date("2027-01-11T07:30:00Z"));

    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-11T07:00:00Z")); // 08:00 in Paris
    expect(smtp.to(quiet.email)).toHaveLength(0);
    const mails = smtp.to(sub.email);
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.subject).toBe("Votre lettre quotidienne : 12 nouveautés – Ville d’Essai");

    const text = m.text ?? "";
    expect(text).toContain("VOS NOTIFICATIONS");
    expect(text).toContain('[Réponse de la ville] La ville a répondu à « <img src=x onerror=alert(1)> & "tout" »');
    expect(text).toContain("https://portail.test/participation/idees/7-jardin?a=1&b=2");
    // newest first: the city's answer, then 11, 10... down to 3; 2 and 1 left to the inbox
    const order = ["La ville a répondu", ...[11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `Réponse numéro ${i}\n`)].map((s) => text.indexOf(s));
    expect(order.every((p) => p > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain("Réponse numéro 2\n");
    expect(text).not.toContain("Réponse numéro 1\n");
    expect(text).toContain("[Action suivie] Réponse numéro 10");
    expect(text).toContain("Voir toutes vos notifications (2 autres) : https://portail.test/compte/notifications");
    for (const absent of ["Avant la période", "Déjà lue", "Après la lettre"]) expect(text).not.toContain(absent);

    const html = String(m.html);
    expect(html).toContain(">Vos notifications</h2>");
    expect(html).toContain("La ville a répondu à « &lt;img src=x onerror=alert(1)&gt; &amp; &quot;tout&quot; »");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain('href="https://portail.test/participation/idees/7-jardin?a=1&amp;b=2"');
    expect(html).toContain('<a href="https://portail.test/compte/notifications" style="color:#1d4f91">Voir toutes vos notifications</a> (2 autres)');
    expect(html).toContain('<strong style="color:#1e1e1e">Action suivie</strong>');
    for (const absent of ["Avant la période", "Déjà lue", "Après la lettre", "Réponse numéro 1<", "Réponse numéro 2<"]) expect(html).not.toContain(absent);
    for (const href of html.matchAll(/href="([^"]+)"/g)) expect(href[1]).toMatch(/^https:\/\/portail\.test\//);

    // The next day: only the notice written after the first digest, not the ones already sent.
    await tick(w.app.deps, w.db, w.clock, new Date("2027-01-12T07:00:00Z"));
    const next = smtp.to(sub.email);
    expect(next).toHaveLength(2);
    expect(next[1]!.subject).toBe("Votre lettre quotidienne : 1 nouveauté – Ville d’Essai");
    expect(next[1]!.text).toContain("Après la lettre");
    expect(next[1]!.text).not.toContain("Réponse numéro");
    expect(next[1]!.text).not.toContain("(2 autres)");
    expect(next[1]!.text).toContain("Voir toutes vos notifications : https://portail.test/compte/notifications");
    // A resident with nothing new got nothing, and both days are recorded as served.
    expect(smtp.to(quiet.email)).toHaveLength(0);
    const row = await w.db.selectFrom("digest_subscriptions").select("last_key").where("user_id", "=", quiet.id).executeTakeFirstOrThrow();
    expect(row.last_key).toBe("J2027-01-12");
  });
});
