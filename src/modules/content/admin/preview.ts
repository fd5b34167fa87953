// The public page of an item whatever its status, for previews (staff preview and
// private preview links). Same view-model as the public page, so what is previewed is
// what will be published; "Lire aussi" shows only published items, as it will.
import type { DB } from "../../../core/db/create-db.js";
import { NotFoundError } from "../../../core/errors.js";
import { plainText, truncateAtWord } from "../../../lib/text.js";
import { presentImage, presentTag } from "../present.js";
import * as cq from "../queries.js";
import { rankRelated } from "../related.js";
import { sanitizeBody } from "../sanitize.js";
import { loadCards, type ItemView } from "../service.js";
import type { ContentStatus } from "../../../core/db/schema.js";

/** The page as it would be published, with the status it has now (for the preview banner). */
export async function previewItem(db: DB, id: number, now: Date): Promise<ItemView & { status: ContentStatus }> {
  const [item] = await cq.findItemsByIds(db, [id]);
  if (!item) throw new NotFoundError();
  const [themes, places, media, ancestors, pinned] = await Promise.all([
    cq.findThemesOf(db, [item.id]),
    cq.findNeighbourhoodsOf(db, [item.id]),
    item.hero_media_id ? cq.findMediaByIds(db, [item.hero_media_id]) : Promise.resolve([]),
    cq.findAncestors(db, item.parent_id),
    cq.findPinnedIds(db, item.id),
  ]);
  const subject = { id: item.id, themeIds: themes.map((t) => t.id), neighbourhoodIds: places.map((p) => p.id) };
  const candidates = await cq.findRelatedCandidates(db, subject, pinned, now);
  const relatedIds = rankRelated(
    subject,
    pinned,
    candidates.map((c) => ({ id: c.id, status: c.status, publishedAt: c.published_at, themeIds: c.theme_ids, neighbourhoodIds: c.neighbourhood_ids })),
    { now, limit: 3 },
  );
  const relatedRows = await cq.findItemsByIds(db, relatedIds);
  const byId = new Map(relatedRows.map((r) => [r.id, r]));
  const related = await loadCards(db, relatedIds.flatMap((rid) => (byId.has(rid) ? [byId.get(rid)!] : [])));
  const children = item.kind === "page" ? await loadCards(db, await cq.findPublishedChildren(db, item.id, now)) : [];
  return {
    id: item.id,
    kind: item.kind,
    path: item.path,
    title: item.title,
    standfirst: item.standfirst,
    description: truncateAtWord(item.standfirst || plainText(item.body), 160),
    bodyHtml: sanitizeBody(item.body),
    publishedAt: item.published_at ?? now,
    updatedAt: item.updated_at,
    tags: themes.map(presentTag),
    places: places.map((p) => ({ slug: p.slug, name: p.name, href: `/quartiers/${p.slug}`, kind: p.kind as "quartier" | "commune" | "qpv", code: null })),
    hero: media[0] ? presentImage(media[0]) : null,
    ancestors: ancestors.map(({ title, path }) => ({ title, path })),
    children,
    related,
    status: item.status as ContentStatus,
  };
}
