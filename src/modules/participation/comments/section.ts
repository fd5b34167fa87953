// The comments block of a public page, as the page's route loads it (policy's action pages,
// content's neighbourhood pages, through index.ts). Anonymous visitors all get the same block,
// which the page cache keeps under the thread's tag; a signed-in viewer's block (their pending
// comments, their buttons, the form with its CSRF token) is on a page that is never cached.
import type { FastifyRequest } from "fastify";
import { signInHref } from "../../../lib/return-path.js";
import { participationRefusal } from "../access.js";
import type { CommentTargetKind } from "../moderation/schema.js";
import { cibleOf, loadThread, neighbourhoodOptions, organisationsOf, targetLabel } from "./service.js";
import type { CommentSectionModel } from "./views.js";

export async function loadCommentSection(
  request: FastifyRequest,
  kind: CommentTargetKind,
  id: number,
): Promise<{ model: CommentSectionModel; tags: string[] }> {
  const { db } = request.server.deps;
  const now = request.server.deps.now();
  const user = request.session?.user ?? null;
  const [thread, target, refusal, neighbourhoods, organisations] = await Promise.all([
    loadThread(db, kind, id, user?.id ?? null, now),
    targetLabel(db, kind, id),
    user ? participationRefusal(db, user, now) : Promise.resolve(null),
    user ? neighbourhoodOptions(db) : Promise.resolve([]),
    user ? organisationsOf(db, user.id) : Promise.resolve([]),
  ]);
  const href = target?.href ?? request.url.split("?")[0] ?? "/";
  return {
    model: {
      target: { kind: cibleOf(kind), id, title: target?.title ?? "", href },
      comments: thread.comments,
      count: thread.count,
      form: {
        state: !user ? "anonymous" : refusal ? "refused" : "open",
        message: refusal?.message ?? "",
        signInHref: signInHref(`${href}#commenter`),
        neighbourhoods,
        organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
      },
    },
    tags: [thread.tag],
  };
}
