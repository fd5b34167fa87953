// SQL of the editorial back office. Every function takes the Kysely handle or a
// transaction; the service owns transactions.
import { sql } from "kysely";
import type { DB } from "../../../core/db/create-db.js";
import type { ContentKind, ContentStatus, Role } from "../../../core/db/schema.js";
import { imageSearchExpr } from "../../media/index.js";
import { aboutPlace, escapeLike, hasTheme } from "../queries/paths.js";

export const ADMIN_PAGE_SIZE = 25;
/**
 * Matches counted at most: counting every one of 100,000 items cost 12-28 ms a page on
 * PostgreSQL (issue #12); past this the list says "plus de 1 000" and pages through the first
 * 40 pages, as large sites' search lists do; filters and the other order reach the rest.
 */
export const ADMIN_COUNT_CAP = 1000;

export interface AdminListFilter {
  query?: string;
  kind?: ContentKind;
  status?: ContentStatus;
  themeId?: number;
  neighbourhoodId?: number;
  authorId?: number;
  sort: "recent" | "oldest";
  limit: number;
  offset: number;
}

export interface AdminListRow {
  id: number;
  kind: ContentKind;
  title: string;
  path: string;
  status: ContentStatus;
  updated_at: Date;
  published_at: Date | null;
  scheduled_at: Date | null;
  author_id: number | null;
  author_name: string | null;
}

/** A page of the back office's content list; `total` counts at most ADMIN_COUNT_CAP (then `more`). */
export async function listForAdmin(db: DB, f: AdminListFilter): Promise<{ rows: AdminListRow[]; total: number; more: boolean }> {
  let q = db.selectFrom("content_items as c").leftJoin("users as u", "u.id", "c.author_id");
  if (f.query) {
    const pattern = `%${escapeLike(f.query)}%`;
    q = q.where(sql<boolean>`f_unaccent(c.title) ilike f_unaccent(${pattern})`);
  }
  if (f.kind) q = q.where("c.kind", "=", f.kind);
  if (f.status) q = q.where("c.status", "=", f.status);
  if (f.authorId !== undefined) q = q.where("c.author_id", "=", f.authorId);
  if (f.themeId !== undefined) q = q.where(hasTheme(f.themeId));
  if (f.neighbourhoodId !== undefined) q = q.where(aboutPlace(f.neighbourhoodId));
  const direction = f.sort === "oldest" ? "asc" : "desc";
  const [rows, count] = await Promise.all([
    q
      .select(["c.id", "c.kind", "c.title", "c.path", "c.status", "c.updated_at", "c.published_at", "c.scheduled_at", "c.author_id"])
      .select(sql<string | null>`coalesce(nullif(u.display_name, ''), u.email)`.as("author_name"))
      .orderBy("c.updated_at", direction)
      .orderBy("c.id", direction)
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    db
      .selectFrom(
        q
          .select(sql<number>`1`.as("one"))
          .limit(ADMIN_COUNT_CAP + 1)
          .as("m"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return { rows: rows as AdminListRow[], total: Math.min(n, ADMIN_COUNT_CAP), more: n > ADMIN_COUNT_CAP };
}

/**
 * People who wrote at least one item, for the author filter. The distinct authors are read by
 * skipping through the author index (one probe per author) rather than by scanning every item:
 * a few dozen staff over 100,000 items took 15-25 ms, this takes half a millisecond.
 */
export async function listAuthors(db: DB) {
  const rows = await sql<{ id: number; name: string }>`
    with recursive authors(id) as (
      (select author_id from content_items where author_id is not null order by author_id limit 1)
      union all
      select (select c.author_id from content_items c where c.author_id > a.id order by c.author_id limit 1)
      from authors a where a.id is not null
    )
    select u.id, coalesce(nullif(u.display_name, ''), u.email) as name
    from users u join authors a on a.id = u.id
    order by name
    limit 500`.execute(db);
  return rows.rows;
}

export interface EditRow {
  id: number;
  kind: ContentKind;
  parent_id: number | null;
  slug: string;
  path: string;
  title: string;
  standfirst: string;
  body: string;
  status: ContentStatus;
  published_at: Date | null;
  scheduled_at: Date | null;
  hero_media_id: number | null;
  author_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  updated_by: number | null;
  updated_by_name: string | null;
  author_name: string | null;
  preview_expires_at: Date | null;
  menu_title: string | null;
}

export async function findForEdit(db: DB, id: number, forUpdate = false): Promise<EditRow | undefined> {
  let q = db
    .selectFrom("content_items as c")
    .leftJoin("users as a", "a.id", "c.author_id")
    .leftJoin("users as e", "e.id", "c.updated_by")
    .select([
      "c.id",
      "c.kind",
      "c.parent_id",
      "c.slug",
      "c.path",
      "c.title",
      "c.standfirst",
      "c.body",
      "c.status",
      "c.published_at",
      "c.scheduled_at",
      "c.hero_media_id",
      "c.author_id",
      "c.version",
      "c.created_at",
      "c.updated_at",
      "c.updated_by",
      "c.menu_title",
    ])
    .select(sql<Date | null>`case when c.preview_token_hash is null then null else c.preview_expires_at end`.as("preview_expires_at"))
    .select(sql<string | null>`coalesce(nullif(a.display_name, ''), a.email)`.as("author_name"))
    .select(sql<string | null>`coalesce(nullif(e.display_name, ''), e.email)`.as("updated_by_name"))
    .where("c.id", "=", id);
  if (forUpdate) q = q.forUpdate(["c"]) as typeof q;
  return (await q.executeTakeFirst()) as EditRow | undefined;
}

export async function findLinks(db: DB, id: number) {
  const [themes, places, related] = await Promise.all([
    db.selectFrom("content_themes").select("theme_id").where("content_id", "=", id).orderBy("position").execute(),
    db.selectFrom("content_neighbourhoods").select("neighbourhood_id").where("content_id", "=", id).execute(),
    db
      .selectFrom("content_related as r")
      .innerJoin("content_items as c", "c.id", "r.related_id")
      .select(["c.id", "c.title", "c.path", "c.status"])
      .where("r.content_id", "=", id)
      .orderBy("r.position")
      .execute(),
  ]);
  return { themeIds: themes.map((t) => t.theme_id), neighbourhoodIds: places.map((p) => p.neighbourhood_id), related };
}

/** Images usable as a hero (alt text, caption and credit all filled in), plus the current one. */
const HERO_COLUMNS = ["m.id", "m.file_key", "m.variant_widths", "m.formats", "m.alt", "m.caption", "m.credit", "m.width", "m.height"] as const;

/**
 * Images offered as hero: complete ones (alt, caption, credit), newest first, matching
 * `search` when given; the current image is always included, even if incomplete.
 */
export async function listHeroCandidates(db: DB, limit: number, include: number | null, search = "") {
  const q = search.trim();
  const rows = await db
    .selectFrom("media as m")
    .select(HERO_COLUMNS)
    .where((eb) =>
      eb.or([
        eb.and([eb(sql`trim(m.alt)`, "<>", ""), eb(sql`trim(m.caption)`, "<>", ""), eb(sql`trim(m.credit)`, "<>", ""), ...(q ? [imageSearchExpr(q)] : [])]),
        eb("m.id", "=", include ?? -1),
      ]),
    )
    .orderBy("m.created_at", "desc")
    .orderBy("m.id", "desc")
    .limit(limit)
    .execute();
  if (include !== null && !rows.some((r) => r.id === include)) {
    const extra = await db.selectFrom("media as m").select(HERO_COLUMNS).where("m.id", "=", include).executeTakeFirst();
    if (extra) rows.push(extra);
  }
  return rows;
}

export async function findMediaFacts(db: DB, id: number) {
  return db.selectFrom("media").select(["id", "alt", "caption", "credit"]).where("id", "=", id).executeTakeFirst();
}

/** Pages that may be a parent: every page but the item itself and its descendants. */
export async function listParentOptions(db: DB, exclude: { id: number; path: string } | null) {
  let q = db.selectFrom("content_items").select(["id", "title", "path"]).where("kind", "=", "page");
  if (exclude) {
    const prefix = `${escapeLike(exclude.path)}/%`;
    q = q.where("id", "<>", exclude.id).where("path", "not like", prefix);
  }
  return q.orderBy("path").limit(1000).execute();
}

export async function findItemRef(db: DB, ref: { path: string } | { id: number }) {
  let q = db.selectFrom("content_items").select(["id", "title", "path", "status"]);
  q = "id" in ref ? q.where("id", "=", ref.id) : q.where("path", "=", ref.path);
  const row = await q.executeTakeFirst();
  if (row || "id" in ref) return row;
  // an old address that now redirects
  return db
    .selectFrom("slug_redirects as r")
    .innerJoin("content_items as c", "c.id", "r.content_id")
    .select(["c.id", "c.title", "c.path", "c.status"])
    .where("r.old_path", "=", ref.path)
    .executeTakeFirst();
}

export async function countChildren(db: DB, id: number): Promise<number> {
  const row = await db
    .selectFrom("content_items")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("parent_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findByPreviewHash(db: DB, hash: string, now: Date) {
  return db.selectFrom("content_items").select(["id"]).where("preview_token_hash", "=", hash).where("preview_expires_at", ">", now).executeTakeFirst();
}

export interface NewItem {
  kind: ContentKind;
  slug: string;
  path: string;
  parentId: number | null;
  title: string;
  standfirst: string;
  /** Sanitised. */
  body: string;
  heroMediaId: number | null;
  authorId: number;
  now: Date;
}

/** A new draft; returns its id. */
export async function insertDraft(trx: DB, n: NewItem): Promise<number> {
  const row = await trx
    .insertInto("content_items")
    .values({
      kind: n.kind,
      slug: n.slug,
      path: n.path,
      parent_id: n.parentId,
      title: n.title,
      standfirst: n.standfirst,
      body: n.body,
      status: "draft",
      hero_media_id: n.heroMediaId,
      author_id: n.authorId,
      updated_by: n.authorId,
      created_at: n.now,
      updated_at: n.now,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Saves the text of the version the form was loaded with: returns the new version, or
 * undefined when someone else saved meanwhile.
 */
export async function updateText(
  trx: DB,
  id: number,
  loadedVersion: number,
  t: { title: string; standfirst: string; body: string; heroMediaId: number | null; by: number; now: Date },
): Promise<number | undefined> {
  const row = await trx
    .updateTable("content_items")
    .set((eb) => ({
      title: t.title,
      standfirst: t.standfirst,
      body: t.body,
      hero_media_id: t.heroMediaId,
      updated_at: t.now,
      updated_by: t.by,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", id)
    .where("version", "=", loadedVersion)
    .returning(["version"])
    .executeTakeFirst();
  return row?.version;
}

/** A workflow step: the new status, and the publication dates it sets or clears. */
export async function setStatus(
  trx: DB,
  id: number,
  change: { status: ContentStatus; by: number; now: Date; publishedAt?: Date | null; clearSchedule?: boolean },
): Promise<void> {
  await trx
    .updateTable("content_items")
    .set((eb) => ({
      status: change.status,
      updated_at: change.now,
      updated_by: change.by,
      version: eb("version", "+", 1),
      ...(change.publishedAt !== undefined ? { published_at: change.publishedAt } : {}),
      ...(change.clearSchedule ? { scheduled_at: null } : {}),
    }))
    .where("id", "=", id)
    .execute();
}

export async function deleteItem(trx: DB, id: number): Promise<void> {
  await trx.deleteFrom("content_items").where("id", "=", id).execute();
}

/** Stores the hash of a private preview token (null clears it: the link stops working). */
export async function setPreviewToken(trx: DB, id: number, token: { hash: string; expiresAt: Date } | null): Promise<void> {
  await trx
    .updateTable("content_items")
    .set({ preview_token_hash: token?.hash ?? null, preview_expires_at: token?.expiresAt ?? null })
    .where("id", "=", id)
    .execute();
}

// ---- review notices: the item, who submitted it, who may publish it. The users table is
// core's (accounts and roles); these reads only pick names and confirmed addresses.

export async function findReviewItem(db: DB, id: number) {
  return db.selectFrom("content_items").select(["id", "title", "status"]).where("id", "=", id).executeTakeFirst();
}

export async function findUserName(db: DB, id: number): Promise<{ display_name: string | null; email: string } | undefined> {
  return db.selectFrom("users").select(["display_name", "email"]).where("id", "=", id).executeTakeFirst();
}

/** Confirmed addresses of the people with these roles, but one. */
export async function listConfirmedEmails(db: DB, roles: readonly Role[], except: number): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select(["email"])
    .where("role", "in", [...roles])
    .where("email_verified_at", "is not", null)
    .where("id", "<>", except)
    .execute();
  return rows.map((r) => r.email);
}
