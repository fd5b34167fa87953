// What each kind of notice is called, on the inbox page and in the e-mail digest.
import type { NotificationKind } from "../moderation/schema.js";

export const NOTICE_KIND_LABELS: Record<NotificationKind, string> = {
  reply: "Réponse",
  moderation: "Modération",
  follow: "Action suivie",
  answer: "Réponse de la ville",
  block: "Participation suspendue",
};

export function noticeKindLabel(kind: string): string {
  return (NOTICE_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
