// Members of conseils citoyens and associations: who may post on their behalf. The
// organisations are the policy module's directory (created and edited in its back office); the
// participation.organisations permission adds and removes members here, audited.
import { recordEvent } from "../../../core/audit.js";
import { can } from "../../../core/auth/roles.js";
import type { DB } from "../../../core/db/create-db.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../core/errors.js";
import type { PageCache } from "../../../core/http/page-cache.js";
import type { StaffMember } from "../proposals/service.js";
import * as q from "./queries.js";

export interface OrganisationDeps {
  db: DB;
  pageCache: PageCache;
  now: () => Date;
}

function assertCan(actor: StaffMember): void {
  if (!can(actor, "participation.organisations")) throw new ForbiddenError("Missing participation.organisations");
}

export async function listOrganisations(deps: OrganisationDeps, actor: StaffMember) {
  assertCan(actor);
  return q.memberOrganisations(deps.db);
}

export async function organisationWithMembers(deps: OrganisationDeps, actor: StaffMember, id: number) {
  assertCan(actor);
  const organisation = await q.findMemberOrganisation(deps.db, id);
  if (!organisation) throw new NotFoundError();
  const members = await q.listMembers(deps.db, id);
  return { organisation, members: members.map((m) => ({ id: m.id, name: m.display_name || m.email, email: m.email, since: m.created_at })) };
}

/** Adds the account with this address (it must exist and be confirmed: the person signs up first). */
export async function addMemberByEmail(deps: OrganisationDeps, actor: StaffMember, organisationId: number, email: string): Promise<void> {
  assertCan(actor);
  const organisation = await q.findMemberOrganisation(deps.db, organisationId);
  if (!organisation) throw new NotFoundError();
  const address = email.trim();
  const values = { email: address };
  if (!/^[^\s@]+@[^\s@]+$/.test(address) || address.length > 254)
    throw new ValidationError({ email: "Indiquez l’adresse e-mail du compte de la personne, par exemple prenom.nom@exemple.fr." }, "Bad email", values);
  const user = await q.findUserByEmail(deps.db, address);
  if (!user?.email_verified_at)
    throw new ValidationError(
      { email: "Aucun compte confirmé n’utilise cette adresse : la personne doit d’abord créer son compte et confirmer son adresse." },
      "No account",
      values,
    );
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const added = await q.addMember(trx, organisationId, user.id, actor.id, now);
    if (!added) throw new ValidationError({ email: "Cette personne est déjà membre de l’organisation." }, "Already a member", values);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.member.add",
      target: { type: "organisation", id: organisationId, label: organisation.name },
      details: { userId: user.id },
      at: now,
    });
  });
}

export async function removeMember(deps: OrganisationDeps, actor: StaffMember, organisationId: number, userId: number): Promise<void> {
  assertCan(actor);
  const organisation = await q.findMemberOrganisation(deps.db, organisationId);
  if (!organisation) throw new NotFoundError();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.removeMember(trx, organisationId, userId))) throw new NotFoundError();
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.member.remove",
      target: { type: "organisation", id: organisationId, label: organisation.name },
      details: { userId },
      at: now,
    });
  });
}
