// SQL of the media library (it owns the `media` table): listing with search, filters and
// usage counts, one image, the picker's list of images ready for use, writes, and where an
// image is used. Usage reads the content module's `content_items` (hero image, variant URL in
// a body): content depends on media (hero images, the picker), so media cannot import
// content's index without a circle; these reads stay here, read-only.
import { sql, type Expression, type Insertable, type SqlBool } from "kysely";
import type { DB } from "../../core/db/create-db.js";
import type { MediaRow, MediaTable } from "../../core/db/schema.js";

export const MEDIA_COLUMNS = [
  "m.id",
  "m.file_key",
  "m.mime",
  "m.width",
  "m.height",
  "m.variant_widths",
  "m.formats",
  "m.alt",
  "m.caption",
  "m.credit",
  "m.focal_x",
  "m.focal_y",
  "m.created_at",
  "m.original_name",
  "m.uploaded_by",
  "m.size_bytes",
] as const;

export interface MediaListFilters {
  /** Words searched in alt, caption, credit and original file name (accents and case ignored). */
  q?: string;
  /** Only images missing an alt text, a caption or a credit. */
  incomplete?: boolean;
  limit: number;
  offset: number;
}

/** Content items that show the image: as hero, or by a variant URL in the body (see usage.ts). */
const usageCount = sql<number>`(
  select count(*)::int from content_items c
  where c.hero_media_id = m.id or strpos(c.body, '/medias/' || m.file_key || '-') > 0
)`;

const incompleteExpr = sql<boolean>`(m.alt = '' or m.caption = '' or m.credit = '')`;

/** Matches `q` in an image's alt text, caption, credit or file name (accents and case ignored); table alias "m". */
export function searchExpr(q: string): Expression<SqlBool> {
  // strpos rather than LIKE: nothing typed in the search box acts as a wildcard.
  const haystack = sql`f_unaccent(lower(m.alt || ' ' || m.caption || ' ' || m.credit || ' ' || m.original_name))`;
  return sql<SqlBool>`strpos(${haystack}, f_unaccent(lower(${q}))) > 0`;
}

function filtered(db: DB, filters: Omit<MediaListFilters, "limit" | "offset">) {
  let query = db.selectFrom("media as m");
  const q = filters.q?.trim();
  if (q) query = query.where(searchExpr(q));
  if (filters.incomplete) query = query.where(incompleteExpr);
  return query;
}

export async function listMedia(db: DB, filters: MediaListFilters) {
  const [rows, total] = await Promise.all([
    filtered(db, filters)
      .leftJoin("users as u", "u.id", "m.uploaded_by")
      .select(MEDIA_COLUMNS)
      .select(["u.display_name as uploader_name", "u.email as uploader_email"])
      .select(usageCount.as("usage_count"))
      .orderBy("m.created_at", "desc")
      .orderBy("m.id", "desc")
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    filtered(db, filters)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type MediaListRow = Awaited<ReturnType<typeof listMedia>>["rows"][number];

export async function findMedia(db: DB, id: number) {
  return db
    .selectFrom("media as m")
    .leftJoin("users as u", "u.id", "m.uploaded_by")
    .select(MEDIA_COLUMNS)
    .select(["u.display_name as uploader_name", "u.email as uploader_email"])
    .where("m.id", "=", id)
    .executeTakeFirst();
}

export type MediaDetailRow = NonNullable<Awaited<ReturnType<typeof findMedia>>>;

/**
 * Images that may be placed on a page: alt text, caption and credit all filled in.
 * Newest first; `q` searches as in the library.
 */
export async function listUsableImages(db: DB, opts: { q?: string; limit: number; offset: number }) {
  const q = opts.q?.trim();
  let query = db.selectFrom("media as m").select(MEDIA_COLUMNS).where("m.alt", "<>", "").where("m.caption", "<>", "").where("m.credit", "<>", "");
  if (q) query = query.where(searchExpr(q));
  return query.orderBy("m.created_at", "desc").orderBy("m.id", "desc").limit(opts.limit).offset(opts.offset).execute();
}

// ---- writes

/** Records an image whose variants are written; returns its id. */
export async function insertMediaRow(db: DB, values: Insertable<MediaTable>): Promise<number> {
  const row = await db.insertInto("media").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** The editable columns of an image, locked until the caller's transaction ends. */
export async function lockMediaForEdit(trx: DB, id: number) {
  return trx
    .selectFrom("media")
    .select(["id", "file_key", "alt", "caption", "credit", "focal_x", "focal_y", "uploaded_by"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateMediaDetails(
  trx: DB,
  id: number,
  v: { alt: string; caption: string; credit: string; focalX: number; focalY: number },
): Promise<void> {
  await trx.updateTable("media").set({ alt: v.alt, caption: v.caption, credit: v.credit, focal_x: v.focalX, focal_y: v.focalY }).where("id", "=", id).execute();
}

/** What deletion needs of an image (its files, its audit label), locked; see usage.ts for the lock's purpose. */
export async function lockMediaForDelete(trx: DB, id: number) {
  return trx.selectFrom("media").select(["file_key", "variant_widths", "alt", "original_name"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function deleteMediaRow(trx: DB, id: number): Promise<void> {
  await trx.deleteFrom("media").where("id", "=", id).execute();
}

// ---- lookups

export async function mediaFileKey(db: DB, id: number): Promise<string | undefined> {
  const row = await db.selectFrom("media").select("file_key").where("id", "=", id).executeTakeFirst();
  return row?.file_key;
}

/** Which of these file keys still have a row (the sweep removes the others' files). */
export async function knownFileKeys(db: DB, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom("media")
      .select("file_key")
      .where("file_key", "in", keys.slice(i, i + 500))
      .execute();
    for (const r of rows) known.add(r.file_key);
  }
  return known;
}

/**
 * Content items showing an image: as hero, or by a variant URL in the body. strpos rather
 * than LIKE: nothing in the key can act as a wildcard; `needle` is "/medias/<key>-".
 */
export async function contentShowingMedia(db: DB, mediaId: number, needle: string) {
  return db
    .selectFrom("content_items")
    .select(["id", "title", "path", "kind", "status"])
    .select((eb) => [eb(eb.ref("hero_media_id"), "=", mediaId).as("hero"), sql<boolean>`strpos(body, ${needle}) > 0`.as("body")])
    .where((eb) => eb.or([eb("hero_media_id", "=", mediaId), sql<boolean>`strpos(body, ${needle}) > 0`]))
    .orderBy("title")
    .orderBy("id")
    .execute();
}

/** Every column of these images (the facts a page's <picture> needs), in no particular order. */
export async function mediaByIds(db: DB, ids: readonly number[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("media")
    .select([
      "id",
      "file_key",
      "mime",
      "width",
      "height",
      "variant_widths",
      "formats",
      "alt",
      "caption",
      "credit",
      "focal_x",
      "focal_y",
      "created_at",
      "original_name",
      "uploaded_by",
      "size_bytes",
    ])
    .where("id", "in", [...ids])
    .execute();
}
