// How audit events read in the journal: French labels for the actions the modules record
// (unknown ones show their code), links to the targets that have a back-office page.
import type { AuditEvent } from "../../core/audit.js";

const LABELS: Record<string, string> = {
  "auth.sign_in": "Connexion à l’administration",
  "auth.totp_enable": "Double authentification activée",
  "auth.totp_disable": "Double authentification désactivée",
  "auth.recovery_codes_renew": "Codes de secours renouvelés",
  "staff.invite": "Invitation dans l’équipe",
  "staff.invitation_accept": "Invitation acceptée (nouveau mot de passe, rôle donné)",
  "staff.invitation_role_change": "Rôle proposé par une invitation modifié",
  "staff.invitation_revoke": "Invitation annulée",
  "staff.role_change": "Changement de rôle",
  "staff.totp_require": "Double authentification exigée",
  "staff.totp_unrequire": "Double authentification plus exigée",
  "staff.totp_reset": "Double authentification réinitialisée",
  "staff.sessions_end": "Connexions fermées",
  "staff.create_admin": "Administrateur créé en ligne de commande",
  "content.create": "Contenu créé",
  "content.update": "Contenu modifié",
  "content.submit": "Contenu soumis à relecture",
  "content.publish": "Contenu publié",
  "content.schedule": "Publication programmée",
  "content.unpublish": "Contenu dépublié",
  "content.archive": "Contenu archivé",
  "content.delete": "Contenu supprimé",
  "content.restore": "Version restaurée",
  "content.unschedule": "Programmation annulée",
  "content.conflict": "Modification refusée (conflit d’édition)",
  "content.preview_link": "Lien d’aperçu créé",
  "content.preview_revoke": "Lien d’aperçu révoqué",
  "media.upload": "Image ajoutée",
  "media.update": "Image modifiée",
  "media.delete": "Image supprimée",
};

/** Families offered in the filter, by the prefix the modules use. */
export const ACTION_FAMILIES: Array<{ value: string; label: string }> = [
  { value: "", label: "Toutes" },
  { value: "auth.*", label: "Connexions et sécurité" },
  { value: "staff.*", label: "Équipe et rôles" },
  { value: "content.*", label: "Contenus" },
  { value: "media.*", label: "Médiathèque" },
  { value: "policy.*", label: "Politique de la ville" },
];

const POLICY_ENTITIES: Record<string, { label: string; feminine: boolean; path: string }> = {
  contract: { label: "Contrat", feminine: false, path: "contrats" },
  priority: { label: "Priorité", feminine: true, path: "priorites" },
  objective: { label: "Objectif", feminine: false, path: "objectifs" },
  action: { label: "Action", feminine: true, path: "actions" },
  organisation: { label: "Organisation", feminine: true, path: "organisations" },
  indicator: { label: "Indicateur", feminine: false, path: "indicateurs" },
};
const VERBS: Record<string, [string, string]> = {
  create: ["créé", "créée"],
  update: ["modifié", "modifiée"],
  delete: ["supprimé", "supprimée"],
  move: ["déplacé", "déplacée"],
};

export function actionLabel(action: string): string {
  if (LABELS[action]) return LABELS[action]!;
  const policy = /^policy\.([a-z_]+)\.([a-z_]+)$/.exec(action);
  const entity = policy ? POLICY_ENTITIES[policy[1]!] : undefined;
  const verb = policy ? VERBS[policy[2]!] : undefined;
  if (entity && verb) return `${entity.label} ${verb[entity.feminine ? 1 : 0]} (politique de la ville)`;
  return action;
}

export function targetHref(event: Pick<AuditEvent, "targetType" | "targetId" | "action">): string | null {
  if (!/^\d{1,9}$/.test(event.targetId)) return null;
  if (event.action.endsWith(".delete")) return null;
  switch (event.targetType) {
    case "content":
      return `/admin/contenus/${event.targetId}`;
    case "media":
      return `/admin/medias/${event.targetId}`;
    case "user":
      return `/admin/equipe/${event.targetId}`;
    case "contract":
    case "priority":
    case "objective":
    case "action":
    case "organisation":
    case "indicator":
      return `/admin/politique-de-la-ville/${POLICY_ENTITIES[event.targetType]!.path}/${event.targetId}`;
    default:
      return null;
  }
}

/** "from: editor, to: admin" — short, readable details; nested values as JSON. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k} : ${typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v)}`)
    .join("\n");
}
