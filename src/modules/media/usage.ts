// Where an image is used, and deletion that is refused while it is used anywhere.
// "Used" means: hero image of a content item (any status, drafts included, since an
// editor will publish them later), or referenced in a body by its variant URL
// (/medias/<key>-<width>.<ext>, relative or absolute).
import { recordEvent, type AuditActor } from "../../core/audit.js";
import type { DB } from "../../core/db/create-db.js";
import type { ContentKind, ContentStatus } from "../../core/db/schema.js";
import { removeFiles, variantFiles } from "./pipeline.js";
import { contentShowingMedia, deleteMediaRow, lockMediaForDelete, mediaFileKey } from "./queries.js";

export interface MediaUse {
  id: number;
  title: string;
  path: string;
  kind: ContentKind;
  status: ContentStatus;
  as: "hero" | "body" | "hero+body";
}

export type MediaErrorCode = "not_found" | "in_use";

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
    readonly usage: MediaUse[] = [],
  ) {
    super(message);
    this.name = "MediaError";
  }
}

const notFound = () => new MediaError("not_found", "Cette image n’existe pas ou a déjà été supprimée.");

export function inUseMessage(count: number): string {
  return `Cette image est utilisée par ${count} ${count > 1 ? "contenus" : "contenu"}.`;
}

export async function usageOf(db: DB, mediaId: number, fileKey: string): Promise<MediaUse[]> {
  // The "/medias/" prefix and "-" suffix keep the match to an actual variant URL.
  const rows = await contentShowingMedia(db, mediaId, `/medias/${fileKey}-`);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    path: r.path,
    kind: r.kind,
    status: r.status,
    as: r.hero && r.body ? "hero+body" : r.hero ? "hero" : "body",
  }));
}

/** The content items using an image, by title; throws MediaError("not_found"). */
export async function mediaUsage(db: DB, mediaId: number): Promise<MediaUse[]> {
  const fileKey = await mediaFileKey(db, mediaId);
  if (fileKey === undefined) throw notFound();
  return usageOf(db, mediaId, fileKey);
}

/**
 * Deletes an image that nothing uses; throws MediaError("in_use") with the usage list
 * otherwise (the hero foreign key is "on delete set null", so the database alone would
 * silently strip the image from those pages).
 *
 * Order: the row is deleted first, in a transaction, and the files only after the commit.
 * The other way round, a failure between the two steps (rollback, crash, lost connection)
 * would leave a row pointing to missing files: broken images on the public site. In this
 * order the worst case is orphan files on disk, invisible and safe to sweep later.
 */
export async function deleteMediaIfUnused(
  db: DB,
  mediaDir: string,
  mediaId: number,
  audit: { actor: AuditActor | null; now?: Date } = { actor: null },
): Promise<void> {
  const media = await db.transaction().execute(async (trx) => {
    // FOR UPDATE conflicts with the FOR KEY SHARE lock that the hero_media_id foreign key
    // takes: an edit setting this image as hero concurrently either commits first (and we
    // see it below) or waits for us and then fails on the foreign key. Body references
    // have no such lock; an image pasted into a body during these milliseconds is lost.
    const row = await lockMediaForDelete(trx, mediaId);
    if (!row) throw notFound();
    const usage = await usageOf(trx, mediaId, row.file_key);
    if (usage.length > 0) throw new MediaError("in_use", inUseMessage(usage.length), usage);
    await deleteMediaRow(trx, mediaId);
    await recordEvent(trx, {
      actor: audit.actor,
      action: "media.delete",
      target: { type: "media", id: mediaId, label: (row.alt || row.original_name || row.file_key).slice(0, 200) },
      details: { fileKey: row.file_key, originalName: row.original_name },
      at: audit.now,
    });
    return row;
  });
  // file_key is a server-generated UUID (never user input), so these paths stay in mediaDir.
  await removeFiles(variantFiles(mediaDir, media.file_key, media.variant_widths));
}
