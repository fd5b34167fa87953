// On-site notifications (the inbox in the account area) and, for moderation decisions, the
// e-mail that goes with them through the job queue. Notices are written in the transaction
// of the change they describe.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../core/db/create-db.js";
import type { AppDeps } from "../../../core/deps.js";
import type { Database } from "../../../core/db/schema.js";
import { personalCacheOf } from "../../../core/http/personal-cache.js";
import type { MailMessage } from "../../../core/mail/mailer.js";
import {
  allNotificationsOf,
  countNotifications,
  countUnread,
  insertNotifications,
  listNotifications,
  markAllRead,
  recipients,
  type NewNotification,
} from "./queries.js";

type Db = Kysely<Database> | Transaction<Database>;

export const INBOX_PATH = "/compte/notifications";
export const INBOX_PAGE_SIZE = 20;

/** Writes notices, never to the person who caused them, at most one per person. */
export async function notify(db: Db, list: readonly NewNotification[], now: Date, except?: number | null) {
  const seen = new Set<number>();
  const kept = list.filter((n) => {
    if (n.userId === except || seen.has(n.userId)) return false;
    seen.add(n.userId);
    return true;
  });
  await insertNotifications(db, kept, now);
}

/** Also sends an e-mail (queued in the same transaction) when the address is verified. */
export async function notifyByMail(
  deps: Pick<AppDeps, "mailer">,
  db: Transaction<Database>,
  userId: number,
  build: (to: string) => MailMessage,
): Promise<void> {
  const [person] = await recipients(db, [userId]);
  if (!person?.email_verified_at) return;
  await deps.mailer.send(build(person.email), db);
}

export async function inbox(db: Db, userId: number, page: number) {
  const [items, counts] = await Promise.all([listNotifications(db, userId, INBOX_PAGE_SIZE, (page - 1) * INBOX_PAGE_SIZE), countNotifications(db, userId)]);
  return { items, ...counts, page, pages: Math.max(1, Math.ceil(counts.total / INBOX_PAGE_SIZE)) };
}

/**
 * The unread count beside "Mon compte" (the module's viewer facts, every signed-in page): kept in
 * memory per person (core/http/personal-cache.ts) until their version changes, which the triggers
 * on participation_notifications bump on every insert, update and delete of their notices
 * (migration 20261214T091500). Where this process keeps nothing for them (no session seen), one
 * indexed count.
 */
export async function unreadBadge(db: DB, userId: number): Promise<number> {
  const load = () => countUnread(db, userId);
  const cache = personalCacheOf(db);
  return cache ? cache.remember(userId, "participation.unread", load) : load();
}

/**
 * Marks every notice of this account as read. The trigger bumped the person's version for their
 * later requests; a response of this same request must not show the count kept before either.
 */
export async function markAllNoticesRead(db: DB, userId: number, now: Date): Promise<void> {
  await markAllRead(db, userId, now);
  personalCacheOf(db)?.forget(userId);
}

export { countNotifications, countUnread, allNotificationsOf };
