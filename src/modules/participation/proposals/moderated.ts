// Proposals as the moderation sees them (moderation/kinds.ts): the queue, reports, decisions and
// notices are the moderation's; this says how to read an idea and change its state. Spaces:
// "proposal:neighbourhood:<id>" (one quartier's ideas), then "proposal" (every idea).
import type { ModeratedItem, ModeratedKind } from "../moderation/kinds.js";
import { proposalPath } from "./present.js";
import { findProposalsForModeration, setModeration } from "./queries.js";
import { PROPOSAL_TAGS, proposalTag } from "./tags.js";

export const proposalSpaces = (neighbourhoodId: number) => [`proposal:neighbourhood:${neighbourhoodId}`, "proposal"];

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export const proposalKind: ModeratedKind = {
  kind: "proposal",
  label: "Idée",
  async find(db, ids) {
    const rows = await findProposalsForModeration(db, ids);
    return rows.map(
      (r): ModeratedItem => ({
        kind: "proposal",
        id: r.id,
        authorId: r.author_id,
        moderation: r.moderation,
        gone: false,
        title: `Idée « ${r.title} »`,
        excerpt: excerpt(r.description, 400),
        href: proposalPath(r),
        spaces: proposalSpaces(r.neighbourhood_id),
      }),
    );
  },
  async setModeration(db, id, moderation, reason) {
    await setModeration(db, id, moderation, reason, new Date());
  },
  invalidate(deps, item) {
    deps.pageCache.invalidateTags([...PROPOSAL_TAGS, proposalTag(item.id)]);
  },
};
