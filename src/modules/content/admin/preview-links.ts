// Private preview links: an unguessable token (only its hash is stored), valid seven
// days, shown once, replaced or revoked by whoever may edit or publish the item.
import { recordEvent } from "../../../core/audit.js";
import { can } from "../../../core/auth/roles.js";
import { canEditContent } from "../can-edit.js";
import { hashToken, randomToken } from "../../../core/auth/tokens.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors.js";
import * as q from "./queries.js";
import { loadForUpdate, subjectOf, type AdminDeps, type EditorActor } from "./service.js";

export const PREVIEW_LINK_DAYS = 7;

export async function createPreviewLink(deps: AdminDeps, actor: EditorActor, id: number): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + PREVIEW_LINK_DAYS * 86_400_000);
  await deps.db.transaction().execute(async (trx) => {
    const item = await loadForUpdate(trx, id);
    if (!canEditContent(actor, subjectOf(item)) && !can(actor, "content.publish", subjectOf(item))) throw new ForbiddenError("May not share");
    await q.setPreviewToken(trx, id, { hash: hashToken(token), expiresAt });
    await recordEvent(trx, { actor, action: "content.preview_link", target: { type: "content", id, label: item.title }, details: { expiresAt }, at: now });
  });
  return { token, expiresAt };
}

export async function revokePreviewLink(deps: AdminDeps, actor: EditorActor, id: number): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const item = await loadForUpdate(trx, id);
    if (!canEditContent(actor, subjectOf(item)) && !can(actor, "content.publish", subjectOf(item))) throw new ForbiddenError("May not share");
    await q.setPreviewToken(trx, id, null);
    await recordEvent(trx, { actor, action: "content.preview_revoke", target: { type: "content", id, label: item.title }, at: now });
  });
}

/** The item a preview token opens, if the link is still valid. */
export async function findPreviewItem(deps: AdminDeps, token: string): Promise<number> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new NotFoundError();
  const row = await q.findByPreviewHash(deps.db, hashToken(token), deps.now());
  if (!row) throw new NotFoundError();
  return row.id;
}
