// Participation in the RGPD export and erasure (decision 0017).
// Export: the person's comments (with the page each is about), reports, blocks and notices.
// Erasure: a comment's text goes with its author ("Contribution supprimée" is shown while
// replies hang from it, nothing otherwise); reports, blocks and notices go with the account
// row (ON DELETE CASCADE). Proposals: proposals/rgpd.ts (anonymised: decision 0017).
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../core/db/schema.js";
import type { PageCache } from "../../core/http/page-cache.js";
import { commentTag } from "./comments/moderated.js";
import { commentsBy, eraseCommentsBy } from "./comments/queries.js";
import { blocksOf, reportsBy } from "./moderation/queries.js";
import { forgetItem } from "./moderation/service.js";
import { allNotificationsOf } from "./notifications/queries.js";
import { exportProposals, proposalPagesOf } from "./proposals/rgpd.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function exportParticipation(db: Db, userId: number) {
  const [comments, reports, blocks, notifications, ideas] = await Promise.all([
    commentsBy(db, userId),
    reportsBy(db, userId),
    blocksOf(db, userId),
    allNotificationsOf(db, userId),
    exportProposals(db, userId),
  ]);
  return {
    // ideas (with the city's answer), supports, organisation memberships: proposals/rgpd.ts
    proposals: ideas.proposals,
    supports: ideas.supports,
    memberships: ideas.memberships,
    comments: comments.map((c) => ({
      id: c.id,
      about: { kind: c.target_kind, id: c.target_id },
      inReplyTo: c.parent_id,
      text: c.body,
      moderation: c.moderation,
      moderationReason: c.moderation_reason,
      postedAt: c.created_at,
      editedAt: c.edited_at,
      deletedAt: c.deleted_at,
    })),
    reports: reports.map((r) => ({ about: { kind: r.target_kind, id: r.target_id }, reason: r.reason, at: r.created_at })),
    blocks: blocks.map((b) => ({ until: b.blocked_until, reason: b.reason, at: b.created_at, liftedAt: b.lifted_at })),
    notifications: notifications.map((n) => ({ kind: n.kind, message: n.message, link: n.href, at: n.created_at, readAt: n.read_at })),
  };
}

/**
 * Called in the erasure's transaction, before the account row goes: blanks the person's comments
 * and returns the cache tags of the pages that showed them (drop them once committed).
 */
export async function eraseParticipation(trx: Transaction<Database>, userId: number, now: Date): Promise<string[]> {
  // ideas are anonymised by the account row's deletion (author_id set null), supports and
  // memberships deleted with it: only the pages that showed them are to drop (proposals/rgpd.ts)
  const ideaPages = await proposalPagesOf(trx, userId);
  const erased = await eraseCommentsBy(trx, userId, now);
  // nothing left to moderate: out of the queue, reports closed
  for (const c of erased) await forgetItem(trx, "comment", c.id, now);
  return [...new Set([...erased.map((c) => commentTag(c.target_kind, c.target_id)), ...ideaPages])];
}

export function dropErasedPages(pageCache: Pick<PageCache, "invalidateTags"> | undefined, tags: readonly string[]) {
  if (pageCache && tags.length > 0) pageCache.invalidateTags(tags);
}
