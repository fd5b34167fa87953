// Staff accounts and their roles (admins only: staff.manage). Rules that keep the back
// office governable:
//  - nobody changes their own role or removes their own access (an admin cannot lock
//    themselves out, so there is always at least the acting admin left);
//  - a role change ends the person's sessions: their next sign-in gets the limits and the
//    second-factor step of the new role;
//  - a staff role reaches an account only through an invitation accepted with a new
//    password (invitations.ts) or `create-admin`: the role form never turns a resident's
//    existing credential into a staff one, and on an invited account it changes (or, with
//    "Habitant", cancels) the role the invitation offers;
//  - every change is audited in the same transaction.
import type { DB } from "../../core/db/create-db.js";
import { recordEvent } from "../../core/audit.js";
import { deleteRecoveryCodes } from "../../core/auth/recovery-codes.js";
import { isStaff, type Role } from "../../core/auth/roles.js";
import { revokeUserSessions } from "../../core/auth/sessions.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import type { StaffActor } from "./guard.js";
import { changeInvitedRole } from "./invitations.js";
import {
  clearSecondFactor,
  findStaffRow,
  findUserName,
  listStaffRows,
  lockUser,
  setSecondFactorRequired as storeSecondFactorRequired,
  setUserRole,
  type StaffQueryRow,
} from "./queries.js";
import { label, parseRole, type StaffRole } from "./staff-roles.js";

/** A member of the team (or someone invited into it), as the services see them. */
export interface StaffMember {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  totpEnabled: boolean;
  totpRequired: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  /** An open invitation: the role it offers, not yet the account's. */
  invitation: { role: StaffRole; expiresAt: Date; expired: boolean } | null;
}

function toMember(r: StaffQueryRow, now: Date): StaffMember {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    totpEnabled: r.totp_enabled_at !== null,
    totpRequired: r.totp_required,
    lastSignInAt: r.last_sign_in_at,
    createdAt: r.created_at,
    // Only a resident's invitation is pending: one left open on an account made staff another way (create-admin) no longer applies.
    invitation:
      r.role === "resident" && r.invitation_role && r.invitation_expires_at
        ? { role: r.invitation_role, expiresAt: r.invitation_expires_at, expired: r.invitation_expires_at.getTime() <= now.getTime() }
        : null,
  };
}

/** The team, and the people invited into it who have not accepted yet ("invitation en attente"). */
export async function listStaff(db: DB, now: Date): Promise<StaffMember[]> {
  const rows = await listStaffRows(db);
  return rows.map((r) => toMember(r, now));
}

export async function findStaffMember(db: DB, id: number, now: Date): Promise<StaffMember> {
  const row = await findStaffRow(db, id);
  if (!row) throw new NotFoundError();
  return toMember(row, now);
}

function refuseSelf(actor: StaffActor, userId: number) {
  if (actor.id === userId) throw new ForbiddenError("Own account");
}

export async function changeRole(db: DB, actor: StaffActor, userId: number, roleValue: string, ip: string, now: Date): Promise<void> {
  refuseSelf(actor, userId);
  const role = parseRole(roleValue);
  await db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, userId);
    if (!user) throw new NotFoundError();
    if (!isStaff(user.role)) {
      if (await changeInvitedRole(trx, actor, user, role, ip, now)) return;
      if (role === user.role) return;
      // The resident's password was not set for a staff account: only an accepted invitation gives one.
      throw new ValidationError({ role: "Un compte d’habitant ne reçoit un rôle que par une invitation : invitez son adresse depuis la page Équipe." });
    }
    if (user.role === role) return;
    await setUserRole(trx, userId, role, now);
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
    const user = await lockUser(trx, userId);
    if (!user) throw new NotFoundError();
    if (user.totp_required === required) return;
    await storeSecondFactorRequired(trx, userId, required, now);
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
    const user = await lockUser(trx, userId);
    if (!user) throw new NotFoundError();
    await clearSecondFactor(trx, userId, now);
    await deleteRecoveryCodes(trx, userId);
    await revokeUserSessions(trx, userId);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "staff.totp_reset",
      target: { type: "user", id: userId, label: label(user) },
      ip,
      at: now,
    });
  });
}

export async function endSessions(db: DB, actor: StaffActor, userId: number, ip: string, now: Date): Promise<void> {
  refuseSelf(actor, userId);
  await db.transaction().execute(async (trx) => {
    const user = await findUserName(trx, userId);
    if (!user) throw new NotFoundError();
    await revokeUserSessions(trx, userId);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "staff.sessions_end",
      target: { type: "user", id: userId, label: label(user) },
      ip,
      at: now,
    });
  });
}
