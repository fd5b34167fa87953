// The unread count beside "Mon compte" is kept in memory per person (core/http/personal-cache.ts)
// and read again only when the person's notices changed: the triggers on
// participation_notifications bump users.personal_version on every insert, update and delete,
// whoever writes (another module's event handler in its transaction, the inbox's "tout marquer
// comme lu", a script, a cascade). Queries are counted on the app's database handle.
import type { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffMember } from "../../../../test/staff.js";

const BASE = "/admin/politique-de-la-ville";
let w: TestWorld;
let officer: StaffMember;
/** SQL run outside transactions on the app's handle (sessions, viewer facts, pages) while recording. */
let recorded: string[] | null = null;

beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  officer = await createStaff(w, "policy", { displayName: "Agent PDV badge" });
  // Every query of a signed-in GET (session, viewer facts, page) goes through this executor.
  const executor = w.app.deps.db.getExecutor();
  const execute = executor.executeQuery.bind(executor);
  executor.executeQuery = ((query: CompiledQuery, ...rest: unknown[]) => {
    recorded?.push(query.sql);
    return (execute as (...args: unknown[]) => ReturnType<typeof execute>)(query, ...rest);
  }) as typeof executor.executeQuery;
});
afterAll(async () => w?.close());

const UNREAD_COUNT = /from "participation_notifications".*"read_at" is null/s;

/** The page as this person gets it, with the SQL its request ran. */
async function page(who: StaffMember, url = "/") {
  recorded = [];
  try {
    const res = await who.agent.get(url);
    expect(res.statusCode).toBe(200);
    return { body: res.body, queries: recorded };
  } finally {
    recorded = null;
  }
}

const badge = (html: string) => /<a class="notice-badge" href="\/compte\/notifications">([\s\S]*?)<\/a>/.exec(html)?.[1] ?? null;
const unreadShown = (html: string): number => {
  const b = badge(html);
  if (b === null) return 0;
  const n = /<span aria-hidden="true">(\d+)<\/span>/.exec(b)?.[1];
  expect(n, b).toBeDefined();
  return Number(n);
};
const countQueries = (queries: readonly string[]) => queries.filter((q) => UNREAD_COUNT.test(q)).length;

/** Two requests: the first may read the count, the second (nothing changed) must not. */
async function settled(who: StaffMember, expected: number) {
  const first = await page(who);
  expect(unreadShown(first.body)).toBe(expected);
  const again = await page(who);
  expect(unreadShown(again.body)).toBe(expected);
  expect(countQueries(again.queries)).toBe(0);
  return { first: first.queries.length, again: again.queries.length };
}

const addNotices = (userId: number, n: number) =>
  w.db
    .insertInto("participation_notifications")
    .values(Array.from({ length: n }, (_, i) => ({ user_id: userId, kind: "reply" as const, message: `Réponse ${i + 1}`, href: "/", created_at: w.clock.now })))
    .execute();
const versionOf = async (userId: number) =>
  (await w.db.selectFrom("users").select("personal_version").where("id", "=", userId).executeTakeFirstOrThrow()).personal_version;

/** The back-office form of an action, saved with another status (everything else as it was). */
async function saveStatus(actionId: number, status: string) {
  const form = await officer.agent.get(`${BASE}/actions/${actionId}`);
  expect(form.statusCode).toBe(200);
  const version = /name="version"[^>]*value="([^"]*)"/.exec(form.body)?.[1] ?? "";
  const row = await w.db.selectFrom("actions").select(["title", "slug", "priority_id", "progress"]).where("id", "=", actionId).executeTakeFirstOrThrow();
  const res = await officer.agent.send(`${BASE}/actions/${actionId}`, {
    title: row.title,
    slug: row.slug,
    priority_id: String(row.priority_id),
    progress: String(row.progress),
    status,
    version: version
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&"),
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
}

describe("the unread badge kept per person", () => {
  it("runs no count query on a second request when nothing changed", async () => {
    const resident = await createStaff(w, "resident");
    await addNotices(resident.id, 2);
    const first = await page(resident);
    expect(unreadShown(first.body)).toBe(2);
    expect(countQueries(first.queries)).toBe(1);
    for (const url of ["/", "/compte/notifications", "/"]) {
      const next = await page(resident, url);
      expect(unreadShown(next.body)).toBe(2);
      expect(countQueries(next.queries)).toBe(0);
    }
    // The home page of a person whose data did not change reads nothing from the notices at all.
    const again = await page(resident);
    expect(again.queries.filter((q) => q.includes("participation_notifications"))).toEqual([]);
    expect(again.queries.length).toBeLessThan(first.queries.length);
  });

  it("shows a notice written by another module's event at once (a followed action's status change)", async () => {
    const action = await createAction(w.db, { status: "planned" });
    const resident = await createStaff(w, "resident");
    await w.db.insertInto("favourites").values({ user_id: resident.id, action_id: action.id, content_id: null }).execute();
    await settled(resident, 0);

    await saveStatus(action.id, "in_progress");
    const after = await page(resident);
    expect(unreadShown(after.body)).toBe(1);
    expect(badge(after.body)).toContain("1 notification non lue");
    expect(countQueries(after.queries)).toBe(1);
    await settled(resident, 1);

    await saveStatus(action.id, "completed");
    await settled(resident, 2);
  });

  it("follows 'tout marquer comme lu', a notice marked read by another writer, and deleted notices", async () => {
    const resident = await createStaff(w, "resident");
    await addNotices(resident.id, 3);
    await settled(resident, 3);

    // One notice marked read by another writer (another process, a script).
    const [one] = await w.db.selectFrom("participation_notifications").select("id").where("user_id", "=", resident.id).orderBy("id").limit(1).execute();
    await w.db.updateTable("participation_notifications").set({ read_at: w.clock.now }).where("id", "=", one!.id).execute();
    await settled(resident, 2);

    const read = await resident.agent.send("/compte/notifications/lues");
    expect(read.statusCode).toBe(303);
    expect(badge((await page(resident)).body)).toBeNull();
    await settled(resident, 0);

    await addNotices(resident.id, 2);
    await settled(resident, 2);
    const [last] = await w.db
      .selectFrom("participation_notifications")
      .select("id")
      .where("user_id", "=", resident.id)
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    await w.db.deleteFrom("participation_notifications").where("id", "=", last!.id).execute();
    await settled(resident, 1);
  });

  it("keeps each person's count to themselves", async () => {
    const [ana, bruno] = [await createStaff(w, "resident"), await createStaff(w, "resident")];
    await addNotices(ana.id, 4);
    await addNotices(bruno.id, 1);
    for (let i = 0; i < 2; i++) {
      expect(unreadShown((await page(ana)).body)).toBe(4);
      expect(unreadShown((await page(bruno)).body)).toBe(1);
    }
    // Ana's new notice moves Ana's count only; Bruno's stays kept (no query).
    await addNotices(ana.id, 1);
    const b = await page(bruno);
    expect(unreadShown(b.body)).toBe(1);
    expect(countQueries(b.queries)).toBe(0);
    expect(unreadShown((await page(ana)).body)).toBe(5);
    // Bruno marks all read: Ana keeps hers.
    expect((await bruno.agent.send("/compte/notifications/lues")).statusCode).toBe(303);
    await settled(bruno, 0);
    await settled(ana, 5);
  });
});

describe("the triggers on participation_notifications", () => {
  it("bump each person once per statement, and nobody for a change that touches no row", async () => {
    const people = [await createStaff(w, "resident"), await createStaff(w, "resident"), await createStaff(w, "resident")];
    const other = await createStaff(w, "resident");
    const before = await Promise.all([...people, other].map((p) => versionOf(p.id)));
    // One statement, several notices for several people (as a status change to many followers).
    await w.db
      .insertInto("participation_notifications")
      .values(people.flatMap((p) => [1, 2].map((i) => ({ user_id: p.id, kind: "follow" as const, message: `Suivi ${i}`, href: "/", created_at: w.clock.now }))))
      .execute();
    const afterInsert = await Promise.all([...people, other].map((p) => versionOf(p.id)));
    expect(afterInsert).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1, before[3]]);
    // Marking read what is already read updates no row: no bump.
    await w.db
      .updateTable("participation_notifications")
      .set({ read_at: w.clock.now })
      .where("user_id", "=", people[0]!.id)
      .where("read_at", "is not", null)
      .execute();
    expect(await versionOf(people[0]!.id)).toBe(afterInsert[0]);
  });

  it("let an account go with its notices (erasure cascade)", async () => {
    const gone = await createStaff(w, "resident", { signedIn: false });
    await addNotices(gone.id, 2);
    await w.db.deleteFrom("users").where("id", "=", gone.id).execute();
    expect(await w.db.selectFrom("participation_notifications").select("id").where("user_id", "=", gone.id).execute()).toEqual([]);
  });
});
