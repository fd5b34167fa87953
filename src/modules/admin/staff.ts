// Staff accounts and their roles (admins only: staff.manage). Rules that keep the back
// office governable:
//  - nobody changes their own role or removes their own access (an admin cannot lock
//    themselves out, so there is always at least the acting admin left);
//  - a role change ends the person's sessions: their next sign-in gets the limits and the
//    second-factor step of the new role;
//  - an invitation creates an account with no usable password and e-mails a one-time link
//    to choose one (the link also proves the address);
//  - every change is audited in the same transaction.
import type { DB } from "../../core/db/create-db.js";
import { recordEvent } from "../../core/audit.js";
import { hashPassword } from "../../core/auth/passwords.js";
import { deleteRecoveryCodes } from "../../core/auth/recovery-codes.js";
import { ROLES, isStaff, type Role } from "../../core/auth/roles.js";
import { revokeUserSessions } from "../../core/auth/sessions.js";
import { randomToken } from "../../core/auth/tokens.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import type { Mailer } from "../../core/mail/mailer.js";
import { mails } from "../../core/mail/templates.js";
import { createUserToken, emailProblem, normaliseEmail } from "../accounts/index.js";
import type { StaffActor } from "./guard.js";

export const ROLE_LABELS: Record<Role, string> = {
  resident: "Habitant (pas d’accès)",
  contributor: "Contributeur",
  editor: "Éditeur",
  policy: "Politique de la ville",
  admin: "Administrateur",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  resident: "Compte d’habitant, sans accès à l’administration.",
  contributor: "Rédige des brouillons et les soumet à relecture ; ne publie pas.",
  editor: "Relit, publie, programme et dépublie tous les contenus ; gère la médiathèque.",
  policy: "Tient à jour le contrat de ville, ses actions, financements et indicateurs.",
  admin: "Tout, y compris l’équipe, les rôles et le journal d’activité.",
};

const INVITE_LIFETIME_MS = 7 * 86_400_000;

export interface StaffRow {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  totpEnabled: boolean;
  totpRequired: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  invited: boolean;
}

function toRow(r: {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  totp_enabled_at: Date | null;
  totp_required: boolean;
  last_sign_in_at: Date | null;
  created_at: Date;
  email_verified_at: Date | null;
}): StaffRow {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    totpEnabled: r.totp_enabled_at !== null,
    totpRequired: r.totp_required,
    lastSignInAt: r.last_sign_in_at,
    createdAt: r.created_at,
    invited: r.email_verified_at === null && r.last_sign_in_at === null,
  };
}

const COLUMNS = ["id", "email", "display_name", "role", "totp_enabled_at", "totp_required", "last_sign_in_at", "created_at", "email_verified_at"] as const;

export async function listStaff(db: DB): Promise<StaffRow[]> {
  const rows = await db.selectFrom("users").select(COLUMNS).where("role", "<>", "resident").orderBy("role").orderBy("display_name").orderBy("email").execute();
  return rows.map(toRow);
}

export async function findStaffMember(db: DB, id: number): Promise<StaffRow> {
  const row = await db.selectFrom("users").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError();
  return toRow(row);
}

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new ValidationError({ role: "Choisissez un rôle dans la liste." });
  return value as Role;
}

const label = (u: { email: string; display_name: string }) => (u.display_name ? `${u.display_name} <${u.email}>` : u.email);

export interface InviteInput {
  email: string;
  displayName: string;
  role: string;
}

export interface InviteDeps {
  db: DB;
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
  now: Date;
  ip: string;
}

/**
 * Gives a role to an address: an existing account changes role (e.g. a resident who
 * joins the team), an unknown address gets an invitation. Returns what happened.
 */
export async function inviteStaff(deps: InviteDeps, actor: StaffActor, input: InviteInput): Promise<{ userId: number; created: boolean }> {
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim().replace(/\s+/g, " ");
  const errors: Record<string, string> = {};
  const problem = emailProblem(email);
  if (problem) errors.email = problem;
  if (displayName.length > 80) errors.displayName = "Le nom ne doit pas dépasser 80 caractères.";
  let role: Role | null = null;
  try {
    role = parseRole(input.role);
    if (!isStaff(role)) errors.role = "Choisissez un rôle de l’équipe.";
  } catch (error) {
    errors.role = (error as ValidationError).fields.role!;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const existing = await deps.db.selectFrom("users").select(["id", "role"]).where("email", "=", email).executeTakeFirst();
  if (existing) {
    if (isStaff(existing.role)) throw new ValidationError({ email: "Cette personne fait déjà partie de l’équipe : changez son rôle depuis sa fiche." });
    await changeRole(deps.db, actor, existing.id, role!, deps.ip, deps.now);
    return { userId: existing.id, created: false };
  }
  // Nobody knows this password: the account works only once its owner picks one.
  const unusable = await hashPassword(randomToken());
  const { userId, token } = await deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ email, password_hash: unusable, display_name: displayName, role: role!, totp_required: true, created_at: deps.now, updated_at: deps.now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const token = await createUserToken(trx, user.id, "reset_password", INVITE_LIFETIME_MS, deps.now);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "staff.invite",
      target: { type: "user", id: user.id, label: label({ email, display_name: displayName }) },
      details: { role },
      ip: deps.ip,
      at: deps.now,
    });
    return { userId: user.id, token };
  });
  const link = new URL(`/compte/reinitialiser?jeton=${token}`, deps.publicUrl + "/").toString();
  await deps.mailer.send(mails.staffInvitation(email, deps.siteName, actor.displayName || actor.email, ROLE_LABELS[role!], link));
  return { userId, created: true };
}

function refuseSelf(actor: StaffActor, userId: number) {
  if (actor.id === userId) throw new ForbiddenError("Own account");
}

export async function changeRole(db: DB, actor: StaffActor, userId: number, roleValue: string, ip: string, now: Date): Promise<void> {
  refuseSelf(actor, userId);
  const role = parseRole(roleValue);
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["id", "email", "display_name", "role"]).where("id", "=", userId).forUpdate().executeTakeFirst();
    if (!user) throw new NotFoundError();
    if (user.role === role) return;
    await trx.updateTable("users").set({ role, updated_at: now }).where("id", "=", userId).execute();
    await revokeUserSessions(trx, userId);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "staff.role_change",
      target: { type: "user", id: userId, label: label(user) },
      details: { from: user.role, to: role },
      ip,
      at: now,
    });
  });
}

export async function setSecondFactorRequired(db: DB, actor: StaffActor, userId: number, required: boolean, ip: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["email", "display_name", "totp_required"]).where("id", "=", userId).forUpdate().executeTakeFirst();
    if (!user) throw new NotFoundError();
    if (user.totp_required === required) return;
    await trx.updateTable("users").set({ totp_required: required, updated_at: now }).where("id", "=", userId).execute();
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: required ? "staff.totp_require" : "staff.totp_unrequire",
      target: { type: "user", id: userId, label: label(user) },
      ip,
      at: now,
    });
  });
}

/** For a lost phone: the second factor and its codes are removed, sessions end; enrolment starts again at next sign-in if required. */
export async function resetSecondFactor(db: DB, actor: StaffActor, userId: number, ip: string, now: Date): Promise<void> {
  refuseSelf(actor, userId);
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["email", "display_name"]).where("id", "=", userId).forUpdate().executeTakeFirst();
    if (!user) throw new NotFoundError();
    await trx.updateTable("users").set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now }).where("id", "=", userId).execute();
    await deleteRecoveryCodes(trx, userId);
    await revokeUserSessions(trx, userId);
    await recordEvent(trx, { actor: { id: actor.id, label: actor.label }, action: "staff.totp_reset", target: { type: "user", id: userId, label: label(user) }, ip, at: now });
  });
}

export async function endSessions(db: DB, actor: StaffActor, userId: number, ip: string, now: Date): Promise<void> {
  refuseSelf(actor, userId);
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["email", "display_name"]).where("id", "=", userId).executeTakeFirst();
    if (!user) throw new NotFoundError();
    await revokeUserSessions(trx, userId);
    await recordEvent(trx, { actor: { id: actor.id, label: actor.label }, action: "staff.sessions_end", target: { type: "user", id: userId, label: label(user) }, ip, at: now });
  });
}
