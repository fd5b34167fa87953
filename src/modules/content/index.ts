// What the content module offers to other modules (its manifest is in manifest.ts).
import type { AppDeps } from "../../app.js";
import { tagsForContentChange, type ContentChange } from "./cache-tags.js";
import { findCacheFacts } from "./queries.js";

export { sanitizeBody } from "./sanitize.js";
export { rankRelated } from "./related.js";

/**
 * Call after any change to a content item (create, edit, publish, unpublish, delete,
 * theme or place change). Pass `before` when the item's themes or places may have
 * changed, so pages listing the old ones are refreshed too. Returns the number of
 * cached pages dropped.
 */
export async function invalidateContent(
  deps: Pick<AppDeps, "db" | "pageCache" | "site">,
  item: { id: number; kind: "article" | "page" },
  before?: ContentChange & { inMenu?: boolean },
): Promise<number> {
  const facts = await findCacheFacts(deps.db, item.id);
  const states: ContentChange[] = [{ id: item.id, kind: item.kind, themeIds: facts.themeIds, neighbourhoodIds: facts.neighbourhoodIds }];
  if (before) states.push(before);
  // A page in the main menu is part of every page's frame: drop them all.
  if (item.kind === "page" && (facts.inMenu || before?.inMenu)) {
    deps.site.invalidate();
    const size = deps.pageCache.size;
    deps.pageCache.clear();
    return size;
  }
  return deps.pageCache.invalidateTags(tagsForContentChange(...states));
}

import { PUBLISH_JOB, publishJobHandler } from "./publishing.js";
import { REVIEW_NOTICE_JOB, reviewNoticeHandler } from "./admin/review-notice.js";
import type { JobHandler } from "../../core/jobs/queue.js";

/** The content module's durable jobs, by kind: scheduled publication, review notices. */
export function contentJobHandlers(deps: Pick<AppDeps, "db" | "pageCache" | "site" | "mailer" | "config">): Record<string, JobHandler> {
  return { [PUBLISH_JOB]: publishJobHandler(deps), [REVIEW_NOTICE_JOB]: reviewNoticeHandler(deps) };
}
