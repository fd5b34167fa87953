// What the content module offers to other modules (its manifest is in manifest.ts).
import type { AppDeps } from "../../core/deps.js";

export { sanitizeBody } from "./sanitize.js";
export { invalidateContent } from "./invalidate.js";
export { rankRelated } from "./related.js";
// Cards of published items (accounts' favourites and personal feed, policy's linked articles).
export { loadCards, PAGE_SIZE } from "./service.js";
// The latest published articles with their themes and dates (the feeds module).
export { latestArticles, type ArticleFeedEntry } from "./service.js";
// Every public page content serves, with its last change (the sitemap module).
export { publicUrls as contentPublicUrls, type PublicUrl } from "./service.js";
export {
  findItemsByIds,
  findFeedCandidates,
  isPublishedNow,
  mostActiveTheme,
  searchPublishedArticles,
  contentCountsByStatus,
  contentInReview,
  contentInProgressBy,
  contentScheduled,
  type ItemRow,
  type CardRow,
  type FeedCandidateRow,
} from "./queries/items.js";
export { pageHref } from "./paging.js";

import { PUBLISH_JOB, publishJobHandler } from "./publishing.js";
import { REVIEW_NOTICE_JOB, reviewNoticeHandler } from "./admin/review-notice.js";
import type { JobHandler } from "../../core/jobs/queue.js";

/** The content module's durable jobs, by kind: scheduled publication, review notices. */
export function contentJobHandlers(deps: Pick<AppDeps, "db" | "pageCache" | "site" | "mailer" | "config">): Record<string, JobHandler> {
  return { [PUBLISH_JOB]: publishJobHandler(deps), [REVIEW_NOTICE_JOB]: reviewNoticeHandler(deps) };
}
// The open data API's listings (opendata /api/v1/actualites and /api/v1/pages): filtered,
// cursor-paged published items, with the labels and images shown beside them.
export { listPublishedPage, type PublishedPageFilter } from "./queries/api.js";
export { findPublishedByPath, findThemesOf, findNeighbourhoodsOf, type ItemTheme, type ItemNeighbourhood } from "./queries/items.js";
