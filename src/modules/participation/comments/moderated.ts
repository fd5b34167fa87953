// Comments as the moderation sees them (moderation/kinds.ts).
import type { ModeratedItem, ModeratedKind } from "../moderation/kinds.js";
import { findComment, findComments, setModeration, targetLabel } from "./queries.js";
import { tellReaders } from "./readers.js";
import { excerpt } from "./text.js";

export const commentTag = (kind: string, id: number) => `participation:${kind}:${id}`;

export const commentKind: ModeratedKind = {
  kind: "comment",
  label: "Commentaire",
  async find(db, ids) {
    const rows = await findComments(db, ids);
    const labels = new Map<string, { title: string; href: string } | null>();
    const out: ModeratedItem[] = [];
    for (const r of rows) {
      const key = `${r.target_kind}:${r.target_id}`;
      if (!labels.has(key)) labels.set(key, await targetLabel(db, r.target_kind, r.target_id));
      const target = labels.get(key);
      out.push({
        kind: "comment",
        id: r.id,
        authorId: r.author_id,
        moderation: r.moderation,
        gone: r.deleted_at !== null,
        title: `Commentaire sur « ${target?.title ?? "page supprimée"} »`,
        excerpt: excerpt(r.body, 400),
        href: target ? `${target.href}#commentaire-${r.id}` : "",
        spaces: [`comment:${r.target_kind}:${r.target_id}`, `comment:${r.target_kind}`],
      });
    }
    return out;
  },
  setModeration: (db, id, moderation, reason) => setModeration(db, id, moderation, reason),
  async published(db, id, now) {
    const c = await findComment(db, id);
    if (!c || c.deleted_at !== null) return;
    const target = await targetLabel(db, c.target_kind, c.target_id);
    if (!target) return;
    const parent = c.parent_id ? await findComment(db, c.parent_id) : undefined;
    await tellReaders(
      db,
      {
        id,
        authorId: c.author_id,
        authorName: c.author_name ?? "",
        body: c.body,
        parentAuthorId: parent?.author_id ?? null,
        target,
        targetKind: c.target_kind,
        targetId: c.target_id,
      },
      now,
    );
  },
  invalidate(deps, item) {
    const [, kind, id] = item.spaces[0]?.split(":") ?? [];
    if (kind && id) deps.pageCache.invalidateTags([commentTag(kind, Number(id))]);
  },
};
