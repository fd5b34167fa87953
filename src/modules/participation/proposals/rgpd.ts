// The proposals part of the RGPD export and erasure (participation/rgpd.ts calls these).
// Export: the person's ideas (with the city's answer), their supports and memberships.
// Erasure (decision 0017, "anonymised"): an idea stays published, since it was addressed to the
// city, answered publicly and supported by others, but loses its author: `author_id` becomes
// null (ON DELETE SET NULL) and the page shows "Participant supprimé"; an idea posted for an
// organisation stays the organisation's. Supports and memberships go with the account row
// (ON DELETE CASCADE), so support counts drop. What is returned here are the cache tags of the
// pages that showed the person's name or supports.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import { membershipsByUser } from "../organisations/queries.js";
import { proposalPath } from "./present.js";
import { proposalsByAuthor, supportsByUser } from "./queries.js";
import { STATUS_LABELS } from "./rules.js";
import { PROPOSAL_TAGS, proposalTag } from "./tags.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function exportProposals(db: Db, userId: number) {
  const [proposals, supports, memberships] = await Promise.all([proposalsByAuthor(db, userId), supportsByUser(db, userId), membershipsByUser(db, userId)]);
  return {
    proposals: proposals.map((p) => ({
      id: p.id,
      path: proposalPath(p),
      title: p.title,
      text: p.description,
      neighbourhood: p.neighbourhood_name,
      status: STATUS_LABELS[p.status],
      answer: p.answer,
      moderation: p.moderation,
      postedAt: p.created_at,
    })),
    supports: supports.map((s) => ({ proposal: s.title, path: proposalPath(s), at: s.created_at })),
    memberships: memberships.map((m) => ({ organisation: m.name, since: m.created_at })),
  };
}

/** Before the account row goes (in the erasure's transaction): the tags of the pages to drop once committed. */
export async function proposalPagesOf(db: Db, userId: number): Promise<string[]> {
  const [proposals, supports] = await Promise.all([proposalsByAuthor(db, userId), supportsByUser(db, userId)]);
  if (proposals.length === 0 && supports.length === 0) return [];
  return [...PROPOSAL_TAGS, ...new Set([...proposals, ...supports].map((p) => proposalTag(p.id)))];
}
