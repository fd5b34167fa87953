// Use cases of the proposals ("idées") and their supports: (deps, actor, input) -> result, no
// HTTP. A resident's acts (propose, support) need a signed-in account with a verified address;
// the city's answer needs participation.answer, assisted entry participation.mediate (role
// table, manifest.ts). Every staff change writes its audit event in its transaction, then drops
// the cached pages that show proposals.
import fsp from "node:fs/promises";
import { recordEvent } from "../../../core/audit.js";
import { can, type Actor } from "../../../core/auth/roles.js";
import type { DB } from "../../../core/db/create-db.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../core/errors.js";
import type { PageCache } from "../../../core/http/page-cache.js";
import { hitRateLimit } from "../../../core/rate-limit.js";
import { slugify } from "../../../lib/text.js";
import { processUpload, UploadError } from "../../media/index.js";
import { existingNeighbourhoodIds, findNeighbourhoodBySlug } from "../../places/index.js";
import { participationRefusal } from "../access.js";
import { queueForReview, settingsFor } from "../moderation/service.js";
import { notify } from "../notifications/service.js";
import { isMember, organisationsOf } from "../organisations/queries.js";
import { proposalSpaces } from "./moderated.js";
import { proposalPath } from "./present.js";
import * as q from "./queries.js";
import { PROPOSAL_TAGS, proposalTag } from "./tags.js";
import {
  ANSWER_MAX,
  canMove,
  countLinks,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  isOpen,
  multiLine,
  NEW_ACCOUNT_DAYS,
  NEW_ACCOUNT_LINKS,
  oneLine,
  PER_ACCOUNT_PER_DAY,
  PER_IP_PER_DAY,
  REASON_MIN,
  RESIDENT_NAME_MAX,
  STATUS_LABELS,
  TITLE_MAX,
  TITLE_MIN,
} from "./rules.js";
import type { ProposalStatus } from "./schema.js";
import { PROPOSAL_STATUSES } from "./schema.js";

export interface ProposalDeps {
  db: DB;
  pageCache: PageCache;
  now: () => Date;
}

/** A signed-in person acting as a resident (any role may also be a resident). */
export interface Participant {
  id: number;
  role: Actor["role"];
  emailVerified: boolean;
  /** When the account was created (link limits for new accounts); unknown: treated as new. */
  createdAt?: Date | null;
}

/** A staff member acting in the back office (admin/index.ts StaffActor). */
export interface StaffMember extends Actor {
  label: string;
  displayName: string;
}

export { PROPOSAL_TAGS, proposalTag };

const DAY_MS = 86_400_000;

/**
 * Refuses a resident's act (access.ts, shared with comments): an unconfirmed address or an
 * account a moderator blocked. Not being signed in is the route's business.
 */
export async function assertParticipant(db: DB, actor: Participant, now: Date): Promise<void> {
  const refusal = await participationRefusal(db, { id: actor.id, emailVerified: actor.emailVerified }, now);
  if (refusal) throw new ForbiddenError(refusal.message);
}

export interface ProposalInput {
  titre?: string | undefined;
  description?: string | undefined;
  quartier?: string | undefined;
  priorite?: string | undefined;
  organisation?: string | undefined;
}

interface CleanProposal {
  title: string;
  description: string;
  neighbourhoodId: number;
  priorityId: number | null;
  organisationId: number | null;
}

function parsePositiveId(value: string | undefined): number | null {
  if (!value || !/^[0-9]{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** Checks the text fields and the chosen quartier and priority; throws the French messages. */
async function readProposal(db: DB, input: ProposalInput, extraErrors: Record<string, string> = {}): Promise<CleanProposal> {
  const errors: Record<string, string> = { ...extraErrors };
  const title = oneLine(input.titre ?? "");
  const description = multiLine(input.description ?? "");
  if (title.length < TITLE_MIN) errors.titre = `Donnez un titre à votre idée (${TITLE_MIN} caractères au moins).`;
  else if (title.length > TITLE_MAX) errors.titre = `Le titre doit faire ${TITLE_MAX} caractères au plus (il en fait ${title.length}).`;
  if (description.length < DESCRIPTION_MIN) errors.description = `Décrivez votre idée en quelques phrases (${DESCRIPTION_MIN} caractères au moins).`;
  else if (description.length > DESCRIPTION_MAX)
    errors.description = `La description doit faire ${DESCRIPTION_MAX} caractères au plus (elle en fait ${description.length}).`;
  const neighbourhoodId = parsePositiveId(input.quartier);
  if (neighbourhoodId === null || (await existingNeighbourhoodIds(db, [neighbourhoodId])).length === 0)
    errors.quartier = "Choisissez le quartier que concerne votre idée.";
  let priorityId: number | null = null;
  if (input.priorite) {
    priorityId = parsePositiveId(input.priorite);
    if (priorityId === null || !(await q.priorityExists(db, priorityId))) errors.priorite = "Choisissez une priorité de la liste, ou « Je ne sais pas ».";
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, "Proposal refused", input);
  return { title, description, neighbourhoodId: neighbourhoodId!, priorityId, organisationId: null };
}

function uniqueSlug(title: string): string {
  return slugify(title, 70) || "idee";
}

/**
 * A resident proposes an idea, possibly on behalf of an organisation they are a member of.
 * Limits: PER_ACCOUNT_PER_DAY per account and PER_IP_PER_DAY per address, the same title twice
 * in a day refused (a double post), few links from an account younger than a week.
 */
export async function submitProposal(
  deps: ProposalDeps,
  actor: Participant,
  input: ProposalInput,
  ip: string,
): Promise<{ id: number; slug: string; moderation: "visible" | "pending" }> {
  const now = deps.now();
  const refusal = await participationRefusal(deps.db, { id: actor.id, emailVerified: actor.emailVerified }, now);
  if (refusal?.reason === "blocked") throw new ValidationError({ titre: refusal.message }, "Blocked", input);
  if (refusal) throw new ForbiddenError(refusal.message);
  const errors: Record<string, string> = {};
  let organisationId: number | null = null;
  if (input.organisation) {
    organisationId = parsePositiveId(input.organisation);
    if (organisationId === null || !(await isMember(deps.db, organisationId, actor.id)))
      errors.organisation = "Vous ne pouvez publier qu’en votre nom ou au nom d’une organisation dont vous êtes membre.";
  }
  const young = !actor.createdAt || now.getTime() - actor.createdAt.getTime() < NEW_ACCOUNT_DAYS * DAY_MS;
  if (young && countLinks(input.description ?? "") > NEW_ACCOUNT_LINKS)
    errors.description = `Un compte de moins de ${NEW_ACCOUNT_DAYS} jours peut mettre ${NEW_ACCOUNT_LINKS} lien au plus dans une idée.`;
  const clean = await readProposal(deps.db, input, errors);
  if (await q.hasRecentTwin(deps.db, actor.id, clean.title, new Date(now.getTime() - DAY_MS)))
    throw new ValidationError({ titre: "Vous avez déjà proposé une idée avec ce titre aujourd’hui." }, "Duplicate proposal", input);
  const [perAccount, perIp] = await Promise.all([
    hitRateLimit(deps.db, `proposal:user:${actor.id}`, { limit: PER_ACCOUNT_PER_DAY, windowMs: DAY_MS }, now),
    hitRateLimit(deps.db, `proposal:ip:${ip}`, { limit: PER_IP_PER_DAY, windowMs: DAY_MS }, now),
  ]);
  if (!perAccount.allowed || !perIp.allowed)
    throw new ValidationError(
      { titre: `Vous avez proposé beaucoup d’idées aujourd’hui (${PER_ACCOUNT_PER_DAY} au plus par jour) : vous pourrez en proposer d’autres demain.` },
      "Too many proposals",
      input,
    );
  // Pre-moderated space (the quartier's, or every idea's): the idea waits for a moderator.
  const settings = await settingsFor(deps.db, proposalSpaces(clean.neighbourhoodId));
  const moderation = settings.premoderation ? "pending" : "visible";
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await q.insertProposal(trx, {
      slug: uniqueSlug(clean.title),
      title: clean.title,
      description: clean.description,
      neighbourhood_id: clean.neighbourhoodId,
      priority_id: clean.priorityId,
      author_id: actor.id,
      organisation_id: organisationId,
      assisted_by: null,
      assisted_by_name: null,
      resident_name: null,
      consent_at: null,
      media_id: null,
      moderation,
      created_at: now,
      updated_at: now,
    });
    if (moderation === "pending") await queueForReview(trx, "proposal", inserted.id, now);
    return inserted;
  });
  if (moderation === "visible") deps.pageCache.invalidateTags(PROPOSAL_TAGS);
  return { ...row, moderation };
}

export interface AssistedInput extends ProposalInput {
  habitant?: string | undefined;
  consentement?: boolean | undefined;
}

/**
 * A mediator records an idea made on paper or in person for a named resident who consented to
 * its publication under that name; shown as "saisie assistée par <mediator>". Audited.
 */
export async function recordAssistedProposal(deps: ProposalDeps, actor: StaffMember, input: AssistedInput): Promise<{ id: number; slug: string }> {
  if (!can(actor, "participation.mediate")) throw new ForbiddenError("Missing participation.mediate");
  const errors: Record<string, string> = {};
  const resident = oneLine(input.habitant ?? "");
  if (resident.length < 2) errors.habitant = "Indiquez le nom sous lequel l’habitant accepte que son idée soit publiée.";
  else if (resident.length > RESIDENT_NAME_MAX) errors.habitant = `Le nom doit faire ${RESIDENT_NAME_MAX} caractères au plus.`;
  if (!input.consentement) errors.consentement = "Cochez cette case une fois que l’habitant a donné son accord.";
  const clean = await readProposal(deps.db, input, errors);
  const now = deps.now();
  const mediatorName = actor.displayName || actor.label;
  return deps.db.transaction().execute(async (trx) => {
    const row = await q.insertProposal(trx, {
      slug: uniqueSlug(clean.title),
      title: clean.title,
      description: clean.description,
      neighbourhood_id: clean.neighbourhoodId,
      priority_id: clean.priorityId,
      author_id: null,
      organisation_id: null,
      assisted_by: actor.id,
      assisted_by_name: mediatorName.slice(0, 200),
      resident_name: resident,
      consent_at: now,
      media_id: null,
      moderation: "visible",
      created_at: now,
      updated_at: now,
    });
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.proposal.assisted",
      target: { type: "proposal", id: row.id, label: clean.title },
      details: { neighbourhoodId: clean.neighbourhoodId },
      at: now,
    });
    deps.pageCache.invalidateTags(PROPOSAL_TAGS);
    return row;
  });
}

/** A support recorded by a mediator for a named resident (once per name and proposal). */
export async function recordAssistedSupport(
  deps: ProposalDeps,
  actor: StaffMember,
  proposalId: number,
  input: { habitant?: string | undefined; consentement?: boolean | undefined },
): Promise<void> {
  if (!can(actor, "participation.mediate")) throw new ForbiddenError("Missing participation.mediate");
  const proposal = await q.findProposal(deps.db, proposalId);
  if (proposal?.moderation !== "visible") throw new NotFoundError();
  const errors: Record<string, string> = {};
  const resident = oneLine(input.habitant ?? "");
  if (resident.length < 2) errors.habitant = "Indiquez le nom de l’habitant qui soutient cette idée.";
  else if (resident.length > RESIDENT_NAME_MAX) errors.habitant = `Le nom doit faire ${RESIDENT_NAME_MAX} caractères au plus.`;
  if (!input.consentement) errors.consentement = "Cochez cette case une fois que l’habitant a donné son accord.";
  if (!isOpen(proposal.status)) errors.habitant = "Cette idée a reçu la réponse de la ville : elle ne peut plus être soutenue.";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, "Assisted support refused", input);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const added = await q.addAssistedSupport(trx, proposalId, resident, actor.id, now);
    if (!added) throw new ValidationError({ habitant: "Cette personne soutient déjà cette idée." }, "Duplicate support", input);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.support.assisted",
      target: { type: "proposal", id: proposalId, label: proposal.title },
      at: now,
    });
  });
  deps.pageCache.invalidateTags([...PROPOSAL_TAGS, proposalTag(proposalId)]);
}

/**
 * Supports or withdraws; both idempotent (the unique index and ON CONFLICT make 20 parallel
 * clicks one support). Only a visible proposal still open takes supports; withdrawing is
 * always possible. Returns whether the person supports it now, and the count.
 */
export async function toggleSupport(
  deps: ProposalDeps,
  actor: Participant,
  proposalId: number,
  add: boolean,
): Promise<{ supported: boolean; supports: number }> {
  await assertParticipant(deps.db, actor, deps.now());
  const proposal = await q.findProposal(deps.db, proposalId);
  if (proposal?.moderation !== "visible") throw new NotFoundError();
  if (add) {
    if (!isOpen(proposal.status)) throw new ValidationError({ soutien: "La ville a répondu à cette idée : elle ne peut plus être soutenue." });
    await q.addSupport(deps.db, proposalId, actor.id, deps.now());
  } else {
    await q.removeSupport(deps.db, proposalId, actor.id);
  }
  deps.pageCache.invalidateTags([...PROPOSAL_TAGS, proposalTag(proposalId)]);
  return { supported: add, supports: await q.countSupports(deps.db, proposalId) };
}

export interface AnswerInput {
  statut?: string | undefined;
  reponse?: string | undefined;
  action?: string | undefined;
}

/**
 * The city's answer: a move of the status machine (rules.ts canMove), with a reason for "non
 * retenue" and the action it became for "retenue". The row is locked, so two answers given at
 * once apply one after the other. Audited with the before and after.
 */
export async function answerProposal(deps: ProposalDeps, actor: StaffMember, proposalId: number, input: AnswerInput): Promise<void> {
  if (!can(actor, "participation.answer")) throw new ForbiddenError("Missing participation.answer");
  const to = (PROPOSAL_STATUSES as readonly string[]).includes(input.statut ?? "") ? (input.statut as ProposalStatus) : null;
  const answer = multiLine(input.reponse ?? "");
  const actionId = parsePositiveId(input.action);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = await q.lockProposal(trx, proposalId);
    if (!current) throw new NotFoundError();
    const errors: Record<string, string> = {};
    if (to === null) errors.statut = "Choisissez un statut.";
    else if (!canMove(current.status, to))
      errors.statut = `Une idée « ${STATUS_LABELS[current.status].toLowerCase()} » ne peut pas passer à « ${STATUS_LABELS[to].toLowerCase()} ».`;
    if (answer.length > ANSWER_MAX) errors.reponse = `La réponse doit faire ${ANSWER_MAX} caractères au plus.`;
    if (to === "rejected" && answer.length < REASON_MIN)
      errors.reponse = "Expliquez pourquoi l’idée n’est pas retenue : la raison est publiée avec la réponse.";
    let action: { id: number; title: string } | undefined;
    if (to === "accepted") {
      action = actionId === null ? undefined : await q.actionLabel(trx, actionId);
      if (!action) errors.action = "Choisissez l’action de la Politique de la Ville que cette idée est devenue.";
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors, "Answer refused", input);
    const status = to!;
    const values = { status, answer, action_id: status === "accepted" ? action!.id : null, answered_at: now, answered_by: actor.id };
    await q.updateAnswer(trx, proposalId, values);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.proposal.answer",
      target: { type: "proposal", id: proposalId, label: current.title },
      details: { from: current.status, to: status, actionId: values.action_id, answer },
      at: now,
    });
    // The author is told on site (their inbox); an assisted entry's resident has no account.
    if (current.author_id !== null && current.status !== status)
      await notify(
        trx,
        [
          {
            userId: current.author_id,
            kind: "answer",
            message: `La ville a répondu à votre idée « ${current.title} » : ${STATUS_LABELS[status].toLowerCase()}.`,
            href: proposalPath({ id: proposalId, slug: current.slug }),
          },
        ],
        now,
      );
  });
  deps.pageCache.invalidateTags([...PROPOSAL_TAGS, proposalTag(proposalId)]);
}

// ---- reads

/** The organisations a person may post for (the proposal form's choice). */
export function postingOrganisations(db: DB, userId: number) {
  return organisationsOf(db, userId);
}

/**
 * One proposal as a visitor may see it: visible ones to everyone; a pending or hidden one only
 * to its author (who is told why) and to staff who answer or moderate. Anyone else gets a 404,
 * so hidden ids cannot be probed.
 */
export async function proposalFor(db: DB, id: number, viewer: Actor | null) {
  const row = await q.findProposal(db, id);
  if (!row) throw new NotFoundError();
  if (row.moderation !== "visible") {
    const own = viewer !== null && row.author_id !== null && row.author_id === viewer.id;
    const staff = can(viewer, "participation.moderate") || can(viewer, "participation.answer");
    if (!own && !staff) throw new NotFoundError();
  }
  return row;
}

export async function neighbourhoodIdBySlug(db: DB, slug: string): Promise<number | undefined> {
  return (await findNeighbourhoodBySlug(db, slug))?.id;
}

// ---- back office

function assertStaffReader(actor: StaffMember): void {
  if (!can(actor, "participation.answer") && !can(actor, "participation.mediate") && !can(actor, "participation.moderate"))
    throw new ForbiddenError("Missing participation.answer");
}

export const STAFF_PAGE_SIZE = 30;

/** Every proposal, hidden and pending ones included, newest first (answer, mediation, moderation). */
export async function staffList(deps: ProposalDeps, actor: StaffMember, filter: { status?: ProposalStatus | undefined; page: number }) {
  assertStaffReader(actor);
  const { rows, total } = await q.listProposals(deps.db, { visibleOnly: false, status: filter.status }, STAFF_PAGE_SIZE, (filter.page - 1) * STAFF_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  if (filter.page > pageCount) throw new NotFoundError();
  return { rows, total, pageCount };
}

export async function staffProposal(deps: ProposalDeps, actor: StaffMember, id: number) {
  assertStaffReader(actor);
  const row = await q.findProposal(deps.db, id);
  if (!row) throw new NotFoundError();
  const actions = can(actor, "participation.answer") ? await q.actionChoices(deps.db) : [];
  return { row, actions };
}

// ---- the image of an idea

export const IMAGES_PER_DAY = 5;
export const IMAGE_ALT_MAX = 300;

export interface ImageInput {
  /** The upload, streamed to a temp file by the route (null: no file chosen). */
  tmpFile: string | null;
  originalName: string;
  alt: string;
  /** Why the route could not take the file (too large, empty). */
  fileError?: string | undefined;
}

/**
 * The author adds (or replaces) the image of their idea while the city has not answered it,
 * through the media pipeline (type read from the content, re-encoded, no EXIF/GPS). The alt text
 * is required. Five images a day per account. The temp file is always removed.
 */
export async function attachImage(deps: ProposalDeps & { mediaDir: string }, actor: Participant, proposalId: number, input: ImageInput): Promise<void> {
  try {
    await assertParticipant(deps.db, actor, deps.now());
    const row = await q.findProposal(deps.db, proposalId);
    if (!row || row.author_id !== actor.id || row.moderation === "hidden") throw new NotFoundError();
    const errors: Record<string, string> = {};
    const alt = oneLine(input.alt);
    if (row.status !== "received") errors.fichier = "La ville a commencé à étudier cette idée : son image ne peut plus changer.";
    else if (input.fileError) errors.fichier = input.fileError;
    else if (!input.tmpFile) errors.fichier = "Choisissez une image JPEG, PNG ou WebP.";
    if (alt.length < 3) errors.alt = "Décrivez l’image en quelques mots pour les personnes qui ne la voient pas.";
    else if (alt.length > IMAGE_ALT_MAX) errors.alt = `La description doit faire ${IMAGE_ALT_MAX} caractères au plus.`;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors, "Image refused", { alt });
    const limit = await hitRateLimit(deps.db, `proposal:image:${actor.id}`, { limit: IMAGES_PER_DAY, windowMs: DAY_MS }, deps.now());
    if (!limit.allowed) throw new ValidationError({ fichier: `${IMAGES_PER_DAY} images par jour au plus : réessayez demain.` }, "Too many images", { alt });
    let mediaId: number;
    try {
      mediaId = await processUpload(
        deps.db,
        deps.mediaDir,
        input.tmpFile!,
        { alt, caption: "", credit: "", originalName: input.originalName, uploadedBy: actor.id },
        { actor: { id: actor.id, label: `participant ${actor.id}` }, now: deps.now() },
      );
    } catch (error) {
      if (error instanceof UploadError) throw new ValidationError({ fichier: error.message }, "Upload refused", { alt });
      throw error;
    }
    await q.setImage(deps.db, proposalId, mediaId, deps.now());
    deps.pageCache.invalidateTags([...PROPOSAL_TAGS, proposalTag(proposalId)]);
  } finally {
    if (input.tmpFile) await fsp.rm(input.tmpFile, { force: true });
  }
}
