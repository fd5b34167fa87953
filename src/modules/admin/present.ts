// Team members -> what the team pages show. The views get these view-models only: names,
// labels and formatted dates, and the few facts a form needs; never a row, a hash, a secret
// or a column the pages have no use for.
import { ROLES, isStaff, type Role } from "../../core/auth/roles.js";
import { formatDateTime } from "../../lib/format.js";
import type { StaffMember } from "./staff.js";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "./staff-roles.js";

export interface Choice {
  value: string;
  label: string;
}

export interface StaffMemberView {
  id: number;
  href: string;
  /** The display name, or the address when there is none. */
  name: string;
  email: string;
  /** The person looking at the page. */
  isSelf: boolean;
  /** The account's role, or for an invited account the role it will have. */
  roleLabel: string;
  /** Set while an invitation waits: "Invitation en attente jusqu'au ..." or expired. */
  invitation: { expired: boolean; until: string } | null;
  /** Which role form the member page offers: change the invitation, change the role, or none (a resident). */
  roleForm: { kind: "invitation" | "staff"; value: Role } | null;
  secondFactor: { label: string; tone: "badge" | "warning" | "plain" };
  secondFactorRequired: boolean;
  /** A second factor is set up, so it can be reset (lost phone). */
  canResetSecondFactor: boolean;
  lastSignIn: string;
  createdAt: string;
  journalHref: string;
}

function secondFactor(m: StaffMember): StaffMemberView["secondFactor"] {
  if (m.totpEnabled) return { label: "Activée", tone: "badge" };
  if (m.totpRequired) return { label: "Obligatoire, pas encore activée", tone: "warning" };
  return { label: "Non activée", tone: "plain" };
}

function roleForm(m: StaffMember): StaffMemberView["roleForm"] {
  if (m.invitation) return { kind: "invitation", value: m.invitation.role };
  return isStaff(m.role) ? { kind: "staff", value: m.role } : null;
}

export function presentStaffMember(m: StaffMember, viewerId: number): StaffMemberView {
  return {
    id: m.id,
    href: `/admin/equipe/${m.id}`,
    name: m.displayName || m.email,
    email: m.email,
    isSelf: m.id === viewerId,
    roleLabel: ROLE_LABELS[m.invitation ? m.invitation.role : m.role],
    invitation: m.invitation ? { expired: m.invitation.expired, until: formatDateTime(m.invitation.expiresAt) } : null,
    roleForm: roleForm(m),
    secondFactor: secondFactor(m),
    secondFactorRequired: m.totpRequired,
    canResetSecondFactor: m.totpEnabled,
    lastSignIn: m.lastSignInAt ? formatDateTime(m.lastSignInAt) : "Jamais",
    createdAt: formatDateTime(m.createdAt),
    journalHref: `/admin/journal?acteur=${m.id}`,
  };
}

/** The invitation form's roles: team roles, each with what it allows. */
export const INVITE_ROLE_CHOICES: Choice[] = ROLES.filter((r) => isStaff(r)).map((r) => ({ value: r, label: `${ROLE_LABELS[r]} : ${ROLE_DESCRIPTIONS[r]}` }));

/** The role forms' choices, "Habitant" included (it removes the access or cancels the invitation). */
export const ROLE_CHOICES: Choice[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
