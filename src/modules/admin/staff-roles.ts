// Role names as the team pages and e-mails show them, and the helpers that the team and
// invitation services share.
import { ROLES, type Role } from "../../core/auth/roles.js";
import { ValidationError } from "../../core/errors.js";

/** A role in the team (what an invitation offers). */
export type StaffRole = Exclude<Role, "resident">;

export const ROLE_LABELS: Record<Role, string> = {
  resident: "Habitant (pas d’accès)",
  contributor: "Contributeur",
  editor: "Éditeur",
  policy: "Politique de la ville",
  moderator: "Modérateur",
  mediator: "Médiateur",
  admin: "Administrateur",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  resident: "Compte d’habitant, sans accès à l’administration.",
  contributor: "Rédige des brouillons et les soumet à relecture ; ne publie pas.",
  editor: "Relit, publie, programme et dépublie tous les contenus ; gère la médiathèque.",
  policy: "Tient à jour le contrat de ville, ses actions, financements et indicateurs.",
  moderator: "Modère les commentaires et les idées des habitants ; peut suspendre un compte pour une durée.",
  mediator: "Saisit pour un habitant consentant une contribution faite sur papier ou en personne (centres sociaux, mairies de quartier).",
  admin: "Tout, y compris l’équipe, les rôles et le journal d’activité.",
};

export function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new ValidationError({ role: "Choisissez un rôle dans la liste." });
  return value as Role;
}

/** How an account is named in the audit trail. */
export const label = (u: { email: string; display_name: string }) => (u.display_name ? `${u.display_name} <${u.email}>` : u.email);
