// Public paths of content items, and what happens when they change: a page's path is
// its parent's path plus its slug, so renaming or moving a page moves its descendants
// too; every old path is kept in slug_redirects and answers 301 to the new one.
import type { DB } from "../../core/db/create-db.js";
import { ConflictError, NotFoundError } from "../../core/errors.js";
import * as q from "./queries/paths.js";

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
export async function moveContent(
  trx: DB,
  contentId: number,
  change: { slug: string; parentId?: number | null },
): Promise<{ oldPath: string; newPath: string }> {
  const item = await q.findPathFacts(trx, contentId);
  if (!item) throw new NotFoundError("Content not found");
  const parentId = item.kind === "page" ? (change.parentId !== undefined ? change.parentId : item.parent_id) : null;
  let parentPath: string | null = null;
  if (parentId !== null) {
    const parent = await q.findParentFacts(trx, parentId);
    if (!parent) throw new NotFoundError("Parent not found");
    if (parent.kind !== "page") throw new ConflictError("A page can only be placed under a page");
    // A page cannot go under itself or one of its descendants.
    if (parent.path === item.path || parent.path.startsWith(`${item.path}/`)) throw new ConflictError("A page cannot be moved under itself");
    parentPath = parent.path;
  }
  const newPath = item.kind === "article" ? articlePath(change.slug) : pagePath(parentPath, change.slug);
  if (newPath === item.path) return { oldPath: item.path, newPath };
  if (await q.findItemAtPath(trx, newPath)) throw new ConflictError(`Path ${newPath} is already used`);

  const descendants = item.kind === "page" ? await q.findDescendantPaths(trx, item.path) : [];
  await q.setSlugAndPath(trx, contentId, { slug: change.slug, path: newPath, parentId, now: new Date() });
  const moves = [
    { id: item.id, from: item.path, to: newPath },
    ...descendants.map((d) => ({ id: d.id, from: d.path, to: newPath + d.path.slice(item.path.length) })),
  ];
  for (const m of moves.slice(1)) await q.setPath(trx, m.id, m.to);
  // An old path that now belongs to an item again must not redirect away from it.
  for (const m of moves) await q.recordRedirect(trx, m.from, m.to, m.id);
  return { oldPath: item.path, newPath };
}

export { findRedirect } from "./queries/paths.js";
