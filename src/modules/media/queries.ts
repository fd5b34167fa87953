// SQL of the media library: listing with search, filters and usage counts, one image,
// and the picker's list of images ready for use.
import { sql, type Expression, type SqlBool } from "kysely";
import type { DB } from "../../core/db/create-db.js";

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
  let query = db
    .selectFrom("media as m")
    .select(MEDIA_COLUMNS)
    .where("m.alt", "<>", "")
    .where("m.caption", "<>", "")
    .where("m.credit", "<>", "");
  if (q) query = query.where(searchExpr(q));
  return query.orderBy("m.created_at", "desc").orderBy("m.id", "desc").limit(opts.limit).offset(opts.offset).execute();
}
