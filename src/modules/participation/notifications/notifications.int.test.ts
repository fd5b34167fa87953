// The followers of an action hear of its status changes (policy's in-transaction event,
// decision 0018), and every signed-in page shows the unread count beside "Mon compte".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createPriority, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffMember } from "../../../../test/staff.js";

const BASE = "/admin/politique-de-la-ville";
let w: TestWorld;
let officer: StaffMember;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  officer = await createStaff(w, "policy", { displayName: "Agent PDV" });
});
afterAll(async () => w?.close());

const follow = (userId: number, actionId: number) => w.db.insertInto("favourites").values({ user_id: userId, action_id: actionId, content_id: null }).execute();
const noticesOf = (userId: number) =>
  w.db.selectFrom("participation_notifications").select(["kind", "message", "href", "read_at"]).where("user_id", "=", userId).orderBy("id").execute();

/** The back-office form of an action, saved with another status (everything else as it was). */
async function saveStatus(actionId: number, status: string, extra: Record<string, string> = {}) {
  const page = await officer.agent.get(`${BASE}/actions/${actionId}`);
  expect(page.statusCode).toBe(200);
  const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page.body)?.[1] ?? "";
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  const row = await w.db.selectFrom("actions").select(["title", "slug", "priority_id", "progress"]).where("id", "=", actionId).executeTakeFirstOrThrow();
  return officer.agent.send(`${BASE}/actions/${actionId}`, {
    title: row.title,
    slug: row.slug,
    priority_id: String(row.priority_id),
    progress: String(row.progress),
    status,
    version: decode(value("version")),
    ...extra,
  });
}

describe("an action's status change", () => {
  it("tells each follower once, on site, with both French labels and a link; not the staff member, not the others", async () => {
    const priority = await createPriority(w.db);
    const action = await createAction(w.db, { priorityId: priority.id, title: "Jardin <b>partagé</b> & potager", status: "planned" });
    const [ana, bruno, other] = [await createStaff(w, "resident"), await createStaff(w, "resident"), await createStaff(w, "resident")];
    await follow(ana.id, action.id);
    await follow(bruno.id, action.id);
    await follow(officer.id, action.id);

    const res = await saveStatus(action.id, "in_progress");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    for (const who of [ana, bruno]) {
      const list = await noticesOf(who.id);
      expect(list).toEqual([
        {
          kind: "follow",
          message: "L’action « Jardin <b>partagé</b> & potager » que vous suivez a changé de statut : « À venir » → « En cours ».",
          href: `/politique-de-la-ville/actions/${action.slug}`,
          read_at: null,
        },
      ]);
    }
    expect(await noticesOf(officer.id)).toEqual([]);
    expect(await noticesOf(other.id)).toEqual([]);
    // The inbox shows it escaped, with the link to the action page.
    const inbox = await ana.agent.get("/compte/notifications");
    expect(inbox.body).toContain("Jardin &lt;b>partagé&lt;/b> &amp; potager");
    expect(inbox.body).not.toContain("<b>partagé</b>");
    expect(inbox.body).toContain(`href="/politique-de-la-ville/actions/${action.slug}"`);

    // A save that keeps the status tells nobody; the next change does, once.
    expect((await saveStatus(action.id, "in_progress", { progress: "60" })).statusCode).toBe(303);
    expect(await noticesOf(ana.id)).toHaveLength(1);
    expect((await saveStatus(action.id, "completed")).statusCode).toBe(303);
    const after = await noticesOf(ana.id);
    expect(after).toHaveLength(2);
    expect(after[1]!.message).toContain("« En cours » → « Terminée »");
  });

  it("leaves no notice when the save is refused (someone else's change) or its transaction rolls back", async () => {
    const action = await createAction(w.db, { status: "planned" });
    const resident = await createStaff(w, "resident");
    await follow(resident.id, action.id);
    // A stale version: the form is refused, nothing is written.
    const stale = await saveStatus(action.id, "cancelled", { version: "0" });
    expect(stale.statusCode).toBe(400);
    expect(await noticesOf(resident.id)).toEqual([]);
    // The event is emitted, then the transaction fails: the notices go with it.
    await expect(
      w.db.transaction().execute(async (trx) => {
        await w.app.deps.modules.emit(w.app.deps, trx, "policy.action.status-changed", {
          actionId: action.id,
          title: "X",
          path: `/politique-de-la-ville/actions/${action.slug}`,
          from: "planned",
          to: "delayed",
          fromLabel: "À venir",
          toLabel: "Retardée",
          actorId: officer.id,
          at: w.clock.now,
        });
        expect((await trx.selectFrom("participation_notifications").select("id").where("user_id", "=", resident.id).execute()).length).toBe(1);
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await noticesOf(resident.id)).toEqual([]);
    const row = await w.db.selectFrom("actions").select("status").where("id", "=", action.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("planned");
  });
});

describe("the unread count in the header", () => {
  it("shows the count beside Mon compte on signed-in pages, updates after 'tout marquer comme lu', and is absent at zero", async () => {
    const resident = await createStaff(w, "resident", { displayName: "<script>alert(1)</script>" });
    const header = async (url = "/") => {
      const res = await resident.agent.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("private, no-store");
      return res.body;
    };
    const badge = (html: string) => /<a class="notice-badge" href="\/compte\/notifications">([\s\S]*?)<\/a>/.exec(html)?.[1] ?? null;

    expect(badge(await header())).toBeNull();
    const now = w.clock.now;
    await w.db
      .insertInto("participation_notifications")
      .values([1, 2, 3].map((i) => ({ user_id: resident.id, kind: "reply" as const, message: `Réponse ${i}`, href: "/", created_at: now })))
      .execute();
    const html = await header();
    expect(badge(html)).toBe('<span aria-hidden="true">3</span><span class="sr-only">3 notifications non lues</span>');
    // the display name next to it stays escaped
    expect(html).toContain("&lt;script>alert(1)&lt;/script>");
    expect(html).not.toContain("<script>alert(1)</script>");
    // the same on another page (the inbox itself)
    expect(badge(await header("/compte/notifications"))).toContain("3 notifications non lues");

    const read = await resident.agent.send("/compte/notifications/lues");
    expect(read.statusCode).toBe(303);
    expect(badge(await header())).toBeNull();

    await w.db
      .insertInto("participation_notifications")
      .values({ user_id: resident.id, kind: "answer", message: "Une réponse", href: "/", created_at: now })
      .execute();
    expect(badge(await header())).toContain("1 notification non lue");
    // Anonymous pages never carry it.
    expect((await w.app.inject({ url: "/" })).body).not.toContain("notice-badge");
  });
});
