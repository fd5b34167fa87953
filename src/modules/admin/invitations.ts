// Staff invitations. An invitation never gives a role to a credential the invitee did
// not create: the role is recorded on the invitation (staff_invitations) and given to
// the account only when someone uses the e-mailed link to set a NEW password, the way
// `create-admin --promote` replaces the password. Until then the account keeps its role
// (a resident stays a resident), so whoever set its current password, possibly someone
// who registered the address before its owner did, gets nothing: not through an open
// session, not by signing in, not through an older reset or verification link.
// Accepting, in one transaction: role, new password, address verified, second factor
// required and any previous one removed (with its recovery codes), every session and
// every other link of the account ended, audit row. The account holder is told by
// e-mail both when the address is invited and when the role is taken.
import type { Transaction } from "kysely";
import type { DB } from "../../core/db/create-db.js";
import type { Database } from "../../core/db/schema.js";
import { recordEvent } from "../../core/audit.js";
import { hashPassword, passwordProblem } from "../../core/auth/passwords.js";
import { dropPreviousCredential } from "../../core/auth/credentials.js";
import { isStaff, type Role } from "../../core/auth/roles.js";
import { hashToken, randomToken } from "../../core/auth/tokens.js";
import { ValidationError } from "../../core/errors.js";
import type { Mailer } from "../../core/mail/mailer.js";
import { mails } from "./mails.js";
import { hitRateLimit, RateLimitedError, type RateLimitRule } from "../../core/rate-limit.js";
import { emailProblem, normaliseEmail } from "../accounts/index.js";
import type { StaffActor } from "./guard.js";
import {
  claimInvitation,
  findUsableInvitation as findByTokenHash,
  grantInvitedRole,
  insertInvitation,
  insertInvitedUser,
  lockUser,
  lockUserByEmail,
  openInvitation,
  revokeClaimedInvitation,
  revokeOpenInvitation,
  setInvitationRole,
} from "./queries.js";
import { ROLE_LABELS, label, parseRole, type StaffRole } from "./staff-roles.js";

export const INVITE_LIFETIME_MS = 7 * 86_400_000;
export const INVITATION_PATH = "/compte/invitation";
/** Same budget as the password-reset form: each try costs a password hash. */
const ACCEPT_PER_IP: RateLimitRule = { limit: 10, windowMs: 60 * 60_000 };

export interface InvitationDeps {
  db: DB;
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
  now: Date;
  ip: string;
}

export interface InviteInput {
  email: string;
  displayName: string;
  role: string;
}

const linkTo = (publicUrl: string, path: string) => new URL(path, `${publicUrl}/`).toString();

/**
 * Invites an address with a role. An unknown address gets a resident account with an
 * unusable password; an existing resident account keeps everything it has. Either way
 * the role waits on the invitation. Inviting again replaces the open invitation (the
 * older link stops working). Someone already in the team is refused: change their role.
 */
export async function inviteStaff(deps: InvitationDeps, actor: StaffActor, input: InviteInput): Promise<{ userId: number; created: boolean }> {
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
  const staffRole = role as StaffRole;
  // Nobody knows this password: a new account works only once its owner picks one.
  const unusable = await hashPassword(randomToken());
  const token = randomToken();
  const now = deps.now;
  const result = await inviteInTransaction().catch((error: unknown) => {
    // Two invitations of the same new address at once: the unique index keeps one.
    if ((error as { code?: unknown }).code === "23505")
      throw new ValidationError({ email: "Une invitation vient d’être envoyée à cette adresse : réessayez dans un instant." });
    throw error;
  });
  const link = linkTo(deps.publicUrl, `${INVITATION_PATH}?jeton=${token}`);
  const inviter = actor.displayName || actor.email;
  await deps.mailer.send(
    result.created
      ? mails.staffInvitation(result.to, deps.siteName, inviter, ROLE_LABELS[staffRole], link)
      : mails.staffInvitationExistingAccount(result.to, deps.siteName, inviter, ROLE_LABELS[staffRole], link),
  );
  return { userId: result.userId, created: result.created };

  function inviteInTransaction() {
    return deps.db.transaction().execute(async (trx) => {
      const existing = await lockUserByEmail(trx, email);
      if (existing && isStaff(existing.role))
        throw new ValidationError({ email: "Cette personne fait déjà partie de l’équipe : changez son rôle depuis sa fiche." });
      const user = existing ?? (await insertInvitedUser(trx, { email, passwordHash: unusable, displayName, now }));
      const replaced = await revokeOpenInvitation(trx, user.id, now);
      await insertInvitation(trx, {
        userId: user.id,
        email: user.email.toLowerCase(),
        role: staffRole,
        tokenHash: hashToken(token),
        invitedBy: actor.id,
        now,
        expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS),
      });
      await recordEvent(trx, {
        actor: { id: actor.id, label: actor.label },
        action: "staff.invite",
        target: { type: "user", id: user.id, label: label(user) },
        details: { role: staffRole, existing_account: existing !== undefined, ...(replaced ? { replaces: replaced.role } : {}) },
        ip: deps.ip,
        at: now,
      });
      return { userId: user.id, to: user.email, created: existing === undefined };
    });
  }
}

/** Role-change form on an invited account: the role waits on the invitation, it is not given. */
export async function changeInvitedRole(
  trx: Transaction<Database>,
  actor: StaffActor,
  user: { id: number; email: string; display_name: string },
  role: Role,
  ip: string,
  now: Date,
): Promise<boolean> {
  const invitation = await openInvitation(trx, user.id);
  if (!invitation) return false;
  if (invitation.email !== user.email.toLowerCase()) {
    // The account's address changed since: the invitation no longer applies to it.
    await revokeOpenInvitation(trx, user.id, now);
    return false;
  }
  const target = { type: "user", id: user.id, label: label(user) };
  if (!isStaff(role)) {
    await revokeOpenInvitation(trx, user.id, now);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "staff.invitation_revoke",
      target,
      details: { role: invitation.role },
      ip,
      at: now,
    });
    return true;
  }
  if (invitation.role === role) return true;
  await setInvitationRole(trx, invitation.id, role as StaffRole);
  await recordEvent(trx, {
    actor: { id: actor.id, label: actor.label },
    action: "staff.invitation_role_change",
    target,
    details: { from: invitation.role, to: role },
    ip,
    at: now,
  });
  return true;
}

async function findUsableInvitation(db: DB, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return findByTokenHash(db, hashToken(token), now);
}

/** An invitation still applies only to the account it was sent for, at the address it was sent to, before it joined the team another way. */
const stillApplies = (inv: { email: string; user_email: string; user_role: Role }) => inv.user_email.toLowerCase() === inv.email && !isStaff(inv.user_role);

/** What the invitation page shows before the password is chosen, or null for a dead link. */
export async function peekInvitation(db: DB, token: string, now: Date): Promise<{ role: StaffRole; email: string } | null> {
  const inv = await findUsableInvitation(db, token, now);
  return inv && stillApplies(inv) ? { role: inv.role, email: inv.user_email } : null;
}

export interface AcceptDeps {
  db: DB;
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
  now: Date;
}

/**
 * Sets the new password and gives the role. Returns the account id, or null when the link
 * is unknown, used, revoked, expired, or no longer matches the account (its address
 * changed since, or it joined the team another way). Throws ValidationError for a weak password.
 */
export async function acceptInvitation(deps: AcceptDeps, input: { token: string; password: string; ip: string }): Promise<number | null> {
  const limit = await hitRateLimit(deps.db, `invitation:ip:${input.ip}`, ACCEPT_PER_IP, deps.now);
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  const now = deps.now;
  const peek = await findUsableInvitation(deps.db, input.token, now);
  if (!peek || !stillApplies(peek)) return null;
  const problem = passwordProblem(input.password, [deps.siteName, ...deps.siteName.split(/[\s’'-]+/), peek.user_email.split("@")[0] ?? ""]);
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(input.password);
  const accepted = await deps.db.transaction().execute(async (trx) => {
    // Claimed atomically: of two uses of the same link, one gets the row.
    const inv = await claimInvitation(trx, hashToken(input.token), now);
    if (!inv) return null;
    const user = await lockUser(trx, inv.user_id);
    if (!user || !stillApplies({ email: inv.email, user_email: user.email, user_role: user.role })) {
      await revokeClaimedInvitation(trx, inv.id, now);
      return null;
    }
    await grantInvitedRole(trx, user.id, inv.role, passwordHash, now);
    // A second factor, session or link set up by whoever held the old password is not the invitee's.
    await dropPreviousCredential(trx, user.id, now);
    await recordEvent(trx, {
      actor: { id: user.id, label: label(user) },
      action: "staff.invitation_accept",
      target: { type: "user", id: user.id, label: label(user) },
      details: { role: inv.role, invited_by: inv.invited_by },
      ip: input.ip,
      at: now,
    });
    return { userId: user.id, email: user.email, role: inv.role };
  });
  if (!accepted) return null;
  await deps.mailer.send(
    mails.staffRoleTaken(accepted.email, deps.siteName, ROLE_LABELS[accepted.role], linkTo(deps.publicUrl, "/compte/mot-de-passe-oublie")),
  );
  return accepted.userId;
}
