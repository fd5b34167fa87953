// SQL of content paths and their redirects (slug_redirects). paths.ts holds the rules.
import { sql } from "kysely";
import type { DB } from "../../../core/db/create-db.js";

/** What moving an item needs to know about it. */
export async function findPathFacts(db: DB, id: number) {
  return db.selectFrom("content_items").select(["id", "kind", "slug", "path", "parent_id"]).where("id", "=", id).executeTakeFirst();
}

/** The item that has this exact path now, if any. */
export async function findItemAtPath(db: DB, path: string): Promise<{ id: number; title: string } | undefined> {
  return db.selectFrom("content_items").select(["id", "title"]).where("path", "=", path).executeTakeFirst();
}

/** A possible parent page: its path and kind. */
export async function findParentFacts(db: DB, id: number): Promise<{ id: number; path: string; kind: "article" | "page" } | undefined> {
  return db.selectFrom("content_items").select(["id", "path", "kind"]).where("id", "=", id).executeTakeFirst();
}

/** Every page below `path`, at any depth. */
export async function findDescendantPaths(db: DB, path: string): Promise<{ id: number; path: string }[]> {
  return db
    .selectFrom("content_items")
    .select(["id", "path"])
    .where("path", "like", `${escapeLike(path)}/%`)
    .execute();
}

export async function setSlugAndPath(db: DB, id: number, change: { slug: string; path: string; parentId: number | null; now: Date }): Promise<void> {
  await db
    .updateTable("content_items")
    .set({ slug: change.slug, path: change.path, parent_id: change.parentId, updated_at: change.now })
    .where("id", "=", id)
    .execute();
}

export async function setPath(db: DB, id: number, path: string): Promise<void> {
  await db.updateTable("content_items").set({ path }).where("id", "=", id).execute();
}

/** `from` now answers 301 to item `id`; `to`, its new path, must not redirect away from it. */
export async function recordRedirect(db: DB, from: string, to: string, id: number): Promise<void> {
  await db.deleteFrom("slug_redirects").where("old_path", "=", to).execute();
  await db
    .insertInto("slug_redirects")
    .values({ old_path: from, content_id: id })
    .onConflict((oc) => oc.column("old_path").doUpdateSet({ content_id: id }))
    .execute();
}

/** Where an old path now lives, if it was renamed or moved (and is published). */
export async function findRedirect(db: DB, oldPath: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom("slug_redirects as r")
    .innerJoin("content_items as c", "c.id", "r.content_id")
    .select("c.path")
    .where("r.old_path", "=", oldPath)
    .where("c.status", "=", "published")
    .where("c.published_at", "<=", now)
    .executeTakeFirst();
  return row?.path ?? null;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Filters shared by the public lists and the back-office list, both written against
// `content_items as c`: "tagged with this theme", "about this place".
export const hasTheme = (themeId: number) => sql<boolean>`exists (select 1 from content_themes ct where ct.content_id = c.id and ct.theme_id = ${themeId})`;
export const aboutPlace = (neighbourhoodId: number) =>
  sql<boolean>`exists (select 1 from content_neighbourhoods cn where cn.content_id = c.id and cn.neighbourhood_id = ${neighbourhoodId})`;
