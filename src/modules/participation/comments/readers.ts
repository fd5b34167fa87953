// Who is told about a comment once it is public: the author of the comment it answers, and the
// followers of the action it is about (residents who keep the action among their favourites).
// Called when a comment is posted visible, and when a pre-moderated one is approved.
import type { Db } from "../moderation/kinds.js";
import type { CommentTargetKind } from "../moderation/schema.js";
import { notify } from "../notifications/service.js";
import { actionFollowers } from "./queries.js";
import { excerpt } from "./text.js";

export async function tellReaders(
  db: Db,
  c: {
    id: number;
    authorId: number | null;
    authorName: string;
    body: string;
    parentAuthorId: number | null;
    target: { title: string; href: string };
    targetKind: CommentTargetKind;
    targetId: number;
  },
  now: Date,
) {
  const href = `${c.target.href}#commentaire-${c.id}`;
  const who = c.authorName || "Un participant";
  const list = [];
  if (c.parentAuthorId)
    list.push({
      userId: c.parentAuthorId,
      kind: "reply" as const,
      message: `${who} a répondu à votre commentaire sur « ${c.target.title} » : « ${excerpt(c.body, 120)} »`,
      href,
    });
  if (c.targetKind === "action") {
    for (const userId of await actionFollowers(db, c.targetId))
      list.push({
        userId,
        kind: "follow" as const,
        message: `Nouveau commentaire sur l’action « ${c.target.title} » que vous suivez : « ${excerpt(c.body, 120)} »`,
        href,
      });
  }
  await notify(db, list, now, c.authorId);
}
