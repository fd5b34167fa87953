// The resident's notices as the e-mail digest shows them (the digests module, through
// index.ts): at composition, the unread notices of the digest's period (ids and times); at
// sending, their text, kind label and link, newest first.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import { noticeKindLabel } from "./labels.js";
import { noticesByIds, unreadNoticesBetween } from "./queries.js";
import { INBOX_PATH } from "./service.js";

type Db = Kysely<Database> | Transaction<Database>;

export { unreadNoticesBetween, INBOX_PATH };

export interface DigestNotice {
  id: number;
  /** "Réponse", "Action suivie", "Réponse de la ville"... */
  label: string;
  message: string;
  /** Site path of what the notice is about ("" when none). */
  href: string;
  createdAt: Date;
}

/** The notices a digest recorded, still there (an erased account's are gone), newest first. */
export async function noticesForDigest(db: Db, userId: number, ids: readonly number[]): Promise<DigestNotice[]> {
  const rows = await noticesByIds(db, userId, ids);
  return rows.map((r) => ({ id: r.id, label: noticeKindLabel(r.kind), message: r.message, href: r.href, createdAt: r.created_at }));
}
