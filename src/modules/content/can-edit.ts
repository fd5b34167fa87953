import { can, type Actor, type Subject } from "../../core/auth/roles.js";

/** The one question an edit form asks: any item for editors, own drafts for contributors. */
export function canEditContent(actor: Actor | null | undefined, subject: Subject): boolean {
  return can(actor, "content.edit_any", subject) || can(actor, "content.edit_own", subject);
}
