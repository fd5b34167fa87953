// Public paths of content items, and what happens when they change: a page's path is
// its parent's path plus its slug, so renaming or moving a page moves its descendants
// too; every old path is kept in slug_redirects and answers 301 to the new one.
import type { DB } from "../../core/db/create-db.js";
import { ConflictError } from "../../core/errors.js";

export function articlePath(slug: string): string {
  return `/actualites/${slug}`;
}

export function pagePath(parentPath: string | null, slug: string): string {
  return `${parentPath ?? ""}/${slug}`;
}

/**
 * Gives an item a new slug and/or parent (pages), rewriting the paths of the item and
 * all its descendants and recording the old paths as redirects. Call inside a transaction.
 */
export async function moveContent(trx: DB, contentId: number, change: { slug: string; parentId?: number | null }): Promise<{ oldPath: string; newPath: string }> {
  const item = await trx.selectFrom("content_items").select(["id", "kind", "slug", "path", "parent_id"]).where("id", "=", contentId).executeTakeFirstOrThrow();
  const parentId = item.kind === "page" ? (change.parentId !== undefined ? change.parentId : item.parent_id) : null;
  let parentPath: string | null = null;
  if (parentId !== null) {
    const parent = await trx.selectFrom("content_items").select(["path", "kind"]).where("id", "=", parentId).executeTakeFirstOrThrow();
    if (parent.kind !== "page") throw new ConflictError("A page can only be placed under a page");
    // A page cannot go under itself or one of its descendants.
    if (parent.path === item.path || parent.path.startsWith(item.path + "/")) throw new ConflictError("A page cannot be moved under itself");
    parentPath = parent.path;
  }
  const newPath = item.kind === "article" ? articlePath(change.slug) : pagePath(parentPath, change.slug);
  if (newPath === item.path) return { oldPath: item.path, newPath };
  const taken = await trx.selectFrom("content_items").select("id").where("path", "=", newPath).executeTakeFirst();
  if (taken) throw new ConflictError(`Path ${newPath} is already used`);

  const descendants = item.kind === "page" ? await trx.selectFrom("content_items").select(["id", "path"]).where("path", "like", `${escapeLike(item.path)}/%`).execute() : [];
  await trx.updateTable("content_items").set({ slug: change.slug, path: newPath, parent_id: parentId, updated_at: new Date() }).where("id", "=", contentId).execute();
  const moves = [{ id: item.id, from: item.path, to: newPath }, ...descendants.map((d) => ({ id: d.id, from: d.path, to: newPath + d.path.slice(item.path.length) }))];
  for (const m of moves.slice(1)) await trx.updateTable("content_items").set({ path: m.to }).where("id", "=", m.id).execute();
  for (const m of moves) {
    // An old path that now belongs to an item again must not redirect away from it.
    await trx.deleteFrom("slug_redirects").where("old_path", "=", m.to).execute();
    await trx
      .insertInto("slug_redirects")
      .values({ old_path: m.from, content_id: m.id })
      .onConflict((oc) => oc.column("old_path").doUpdateSet({ content_id: m.id }))
      .execute();
  }
  return { oldPath: item.path, newPath };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
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
