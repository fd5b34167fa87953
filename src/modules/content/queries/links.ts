// SQL of an item's links: its themes (in order), its places and its pinned "Lire aussi" items.
// Each setter replaces the whole list; call inside the transaction that changes the item.
import type { DB } from "../../../core/db/create-db.js";

export async function setThemes(trx: DB, contentId: number, themeIds: readonly number[]): Promise<void> {
  await trx.deleteFrom("content_themes").where("content_id", "=", contentId).execute();
  if (themeIds.length)
    await trx
      .insertInto("content_themes")
      .values(themeIds.map((theme_id, position) => ({ content_id: contentId, theme_id, position })))
      .execute();
}

export async function setNeighbourhoods(trx: DB, contentId: number, neighbourhoodIds: readonly number[]): Promise<void> {
  await trx.deleteFrom("content_neighbourhoods").where("content_id", "=", contentId).execute();
  if (neighbourhoodIds.length)
    await trx
      .insertInto("content_neighbourhoods")
      .values(neighbourhoodIds.map((neighbourhood_id) => ({ content_id: contentId, neighbourhood_id })))
      .execute();
}

export async function setRelated(trx: DB, contentId: number, relatedIds: readonly number[]): Promise<void> {
  await trx.deleteFrom("content_related").where("content_id", "=", contentId).execute();
  if (relatedIds.length)
    await trx
      .insertInto("content_related")
      .values(relatedIds.map((related_id, position) => ({ content_id: contentId, related_id, position })))
      .execute();
}

/** Theme ids in the editor's order, place ids in id order (as revisions store them). */
export async function findLinkIds(db: DB, contentId: number): Promise<{ themeIds: number[]; neighbourhoodIds: number[] }> {
  const [themes, places] = await Promise.all([
    db.selectFrom("content_themes").select("theme_id").where("content_id", "=", contentId).orderBy("position").execute(),
    db.selectFrom("content_neighbourhoods").select("neighbourhood_id").where("content_id", "=", contentId).orderBy("neighbourhood_id").execute(),
  ]);
  return { themeIds: themes.map((t) => t.theme_id), neighbourhoodIds: places.map((p) => p.neighbourhood_id) };
}
