// SQL of the on-site notifications (the account's inbox). Every read and change is scoped to
// the signed-in account's id: nobody reads or marks another person's notices.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import type { NotificationKind } from "../moderation/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  message: string;
  href: string;
}

export async function insertNotifications(db: Db, list: readonly NewNotification[], now: Date) {
  if (list.length === 0) return;
  await db
    .insertInto("participation_notifications")
    .values(list.map((n) => ({ user_id: n.userId, kind: n.kind, message: n.message, href: n.href, created_at: now })))
    .execute();
}

export async function listNotifications(db: Db, userId: number, limit: number, offset: number) {
  return db
    .selectFrom("participation_notifications")
    .select(["id", "kind", "message", "href", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countNotifications(db: Db, userId: number) {
  const row = await db
    .selectFrom("participation_notifications")
    .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.count<number>("read_at").as("read")])
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unread: Number(row.total) - Number(row.read) };
}

/** Unread notices of one account (every signed-in page: the partial index `participation_notifications_unread_idx`). */
export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("participation_notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markAllRead(db: Db, userId: number, now: Date) {
  await db.updateTable("participation_notifications").set({ read_at: now }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

export async function allNotificationsOf(db: Db, userId: number) {
  return db
    .selectFrom("participation_notifications")
    .select(["kind", "message", "href", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

/**
 * Unread notices of these accounts written in (from, until]: what a digest of that period may
 * show (the digests module, through index.ts). Ids and times only; the text is read at sending.
 */
export async function unreadNoticesBetween(db: Db, userIds: readonly number[], from: Date, until: Date) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("participation_notifications")
    .select(["id", "user_id", "created_at"])
    .where("user_id", "in", userIds)
    .where("read_at", "is", null)
    .where("created_at", ">", from)
    .where("created_at", "<=", until)
    .execute();
}

/** These notices of one account (others' ids are ignored), newest first. */
export async function noticesByIds(db: Db, userId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("participation_notifications")
    .select(["id", "kind", "message", "href", "created_at"])
    .where("user_id", "=", userId)
    .where("id", "in", ids)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Name and address of the accounts to tell (verified addresses only get e-mails). */
export async function recipients(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("users").select(["id", "email", "display_name", "email_verified_at"]).where("id", "in", ids).execute();
}
