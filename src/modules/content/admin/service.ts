// Use cases of the editorial back office: (actor, input) -> result. Each state change is
// one transaction holding the change, its revision (for content changes) and its audit
// event; cached public pages that show the item are dropped after the commit.
import type { AppDeps } from "../../../core/deps.js";
import { recordEvent } from "../../../core/audit.js";
import { can, type Action, type Role } from "../../../core/auth/roles.js";
import { canEditContent } from "../can-edit.js";
import type { DB } from "../../../core/db/create-db.js";
import type { ContentKind, ContentStatus } from "../../../core/db/schema.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../../core/errors.js";
import { field } from "../../../core/http/form.js";
import { articlePath, moveContent, pagePath } from "../paths.js";
import { cancelScheduled, scheduleInTransaction } from "../publishing.js";
import { recordAutosaveRevision, recordRevision, recordSnapshot, restoreRevision, type Snapshot } from "../revisions.js";
import { sanitizeBody } from "../sanitize.js";
import { invalidateContent } from "../invalidate.js";
import { existingNeighbourhoodIds, existingThemeIds } from "../../places/index.js";
import { findCacheFacts } from "../queries/items.js";
import { setNeighbourhoods, setRelated, setThemes } from "../queries/links.js";
import { findItemAtPath, findParentFacts } from "../queries/paths.js";
import { maxRevisionId } from "../queries/revisions.js";
import * as q from "./queries.js";
import {
  formValues,
  parseContentForm,
  parseSchedule,
  relatedReference,
  RELATED_FIELDS,
  RELATED_MAX,
  type ContentFormValues,
  type ContentInput,
  type RawForm,
} from "./validate.js";
import { enqueueReviewNotice } from "./review-notice.js";

export type AdminDeps = Pick<AppDeps, "db" | "pageCache" | "site" | "now" | "config">;

export interface EditorActor {
  id: number;
  role: Role;
  label: string;
}

/** A save refused with field errors: a ValidationError carrying the values to show again. */
function formError(fields: Record<string, string>, values: ContentFormValues): ValidationError {
  return new ValidationError(fields, "Invalid content form", values);
}

/** Autosave asked for an item whose text is public or about to be. */
export class AutosaveRefusedError extends Error {
  constructor(public readonly detail: string) {
    super("Autosave refused");
    this.name = "AutosaveRefusedError";
  }
}

export interface SaveConflict {
  kind: "conflict";
  /** The refused text, kept as a "conflict" revision. */
  revisionId: number;
  currentVersion: number;
  savedBy: string | null;
  savedAt: Date;
}

export type SaveResult = { kind: "saved"; id: number; version: number; savedAt: Date; status: ContentStatus } | SaveConflict;

export function subjectOf(row: { author_id: number | null; status: string }) {
  return { authorId: row.author_id, status: row.status };
}

function requireAction(actor: EditorActor, action: Action, subject?: { authorId: number | null; status: string }) {
  if (!can(actor, action, subject)) throw new ForbiddenError(`Missing ${action}`);
}

export async function loadForUpdate(trx: DB, id: number) {
  const row = await q.findForEdit(trx, id, true);
  if (!row) throw new NotFoundError("Content not found");
  return row;
}

/** The version a posted form was loaded with (null when missing or malformed). */
export function parseVersion(raw: RawForm): number | null {
  const v = field(raw, "version", { max: 20 });
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

/** Turns the checked input into database references, or field errors. */
async function resolveReferences(
  deps: AdminDeps,
  trx: DB,
  item: { id: number; kind: ContentKind; path: string } | null,
  kind: ContentKind,
  input: ContentInput,
) {
  const errors: Record<string, string> = {};
  if ((await existingThemeIds(trx, input.themeIds)).length !== input.themeIds.length)
    errors.themes = "Un des thèmes choisis n’existe plus : vérifiez la liste.";
  if ((await existingNeighbourhoodIds(trx, input.neighbourhoodIds)).length !== input.neighbourhoodIds.length) {
    errors.neighbourhoods = "Un des quartiers choisis n’existe plus : vérifiez la liste.";
  }
  if (input.heroMediaId !== null) {
    const media = await q.findMediaFacts(trx, input.heroMediaId);
    if (!media) errors.hero = "Cette image n’existe plus : choisissez-en une autre.";
    else if (!media.alt.trim() || !media.caption.trim() || !media.credit.trim()) {
      errors.hero = "Cette image n’a pas encore de texte alternatif, de légende et de crédit : complétez-les dans la médiathèque avant de l’utiliser.";
    }
  }
  let parent: { id: number; path: string } | null = null;
  if (kind === "page" && input.parentId !== null) {
    const p = await findParentFacts(trx, input.parentId);
    if (p?.kind !== "page") errors.parent = "Choisissez une page parente dans la liste.";
    else if (item && (p.id === item.id || p.path.startsWith(`${item.path}/`)))
      errors.parent = "Une page ne peut pas être placée sous elle-même ou sous une de ses sous-pages.";
    else parent = { id: p.id, path: p.path };
  }
  const relatedIds: number[] = [];
  for (let i = 0; i < input.related.length && i < RELATED_MAX; i++) {
    const field = RELATED_FIELDS[i]!;
    const ref = relatedReference(input.related[i]!, deps.config.publicUrl);
    const found = ref ? await q.findItemRef(trx, ref) : undefined;
    if (!found) errors[field] = "Aucun contenu à cette adresse : copiez l’adresse de la page publique (par exemple /actualites/fete-de-quartier).";
    else if (item && found.id === item.id) errors[field] = "Un contenu ne peut pas se recommander lui-même.";
    else if (relatedIds.includes(found.id)) errors[field] = "Ce contenu est déjà choisi plus haut.";
    else relatedIds.push(found.id);
  }
  return { errors, parent, relatedIds };
}

/** A free path for a new or renamed item: the slug, or slug-2, slug-3… when generated. */
async function freeSlug(
  trx: DB,
  kind: ContentKind,
  parentPath: string | null,
  input: ContentInput,
  selfId: number | null,
): Promise<{ slug: string } | { error: string }> {
  const pathOf = (slug: string) => (kind === "article" ? articlePath(slug) : pagePath(parentPath, slug));
  for (let n = 1; n <= 50; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const slug = `${input.slug.slice(0, 80 - suffix.length).replace(/-+$/, "")}${suffix}`;
    const taken = await findItemAtPath(trx, pathOf(slug));
    if (!taken || taken.id === selfId) return { slug };
    if (input.slugGiven) return { error: `Cette adresse est déjà utilisée par « ${taken.title} » : choisissez-en une autre.` };
  }
  return { error: "Aucune adresse libre n’a été trouvée pour ce titre : saisissez-la." };
}

async function writeLinks(trx: DB, id: number, input: ContentInput, relatedIds: number[]) {
  await setThemes(trx, id, input.themeIds);
  await setNeighbourhoods(trx, id, input.neighbourhoodIds);
  await setRelated(trx, id, relatedIds);
}

function parseOrThrow(raw: RawForm): { values: ContentFormValues; input: ContentInput } {
  const values = formValues(raw);
  const { input, errors } = parseContentForm(values);
  if (!input) throw formError(errors, values);
  return { values, input };
}

// ---- Create

export async function createItem(deps: AdminDeps, actor: EditorActor, kind: ContentKind, raw: RawForm): Promise<{ id: number }> {
  requireAction(actor, "content.create");
  const { values, input } = parseOrThrow(raw);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const refs = await resolveReferences(deps, trx, null, kind, input);
    const parentPath = refs.parent?.path ?? null;
    const slug = await freeSlug(trx, kind, parentPath, input, null);
    if ("error" in slug) refs.errors.slug = slug.error;
    if (Object.keys(refs.errors).length || "error" in slug) throw formError(refs.errors, values);
    const id = await q.insertDraft(trx, {
      kind,
      slug: slug.slug,
      path: kind === "article" ? articlePath(slug.slug) : pagePath(parentPath, slug.slug),
      parentId: kind === "page" ? (refs.parent?.id ?? null) : null,
      title: input.title,
      standfirst: input.standfirst,
      body: sanitizeBody(input.body),
      heroMediaId: input.heroMediaId,
      authorId: actor.id,
      now,
    });
    await writeLinks(trx, id, input, refs.relatedIds);
    await recordRevision(trx, id, actor.id, { at: now });
    await recordEvent(trx, { actor, action: "content.create", target: { type: "content", id, label: input.title }, details: { kind }, at: now });
    return { id };
  });
}

// ---- Save (form and autosave)

export async function saveItem(deps: AdminDeps, actor: EditorActor, id: number, raw: RawForm, options: { autosave?: boolean } = {}): Promise<SaveResult> {
  const version = parseVersion(raw);
  const { values, input } = parseOrThrow(raw);
  const now = deps.now();
  type Before = { kind: ContentKind; themeIds: number[]; neighbourhoodIds: number[]; inMenu: boolean; wasPublic: boolean };
  const box: { before: Before | null } = { before: null };
  const result = await deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
    const item = await loadForUpdate(trx, id);
    if (!canEditContent(actor, subjectOf(item))) throw new ForbiddenError("May not edit this item");
    if (options.autosave && item.status !== "draft" && item.status !== "review") {
      throw new AutosaveRefusedError(
        item.status === "published" || item.status === "scheduled"
          ? "L’enregistrement automatique est désactivé pour un contenu publié ou programmé, afin que le texte public ne change pas à votre insu : enregistrez avec le bouton « Enregistrer »."
          : "L’enregistrement automatique ne concerne que les brouillons et les contenus en relecture : enregistrez avec le bouton « Enregistrer ».",
      );
    }
    if (version === null || version !== item.version) {
      // Someone saved since this form was loaded: keep the refused text, change nothing else.
      const snapshot: Snapshot = {
        title: input.title,
        slug: input.slug,
        standfirst: input.standfirst,
        body: sanitizeBody(input.body),
        themeIds: input.themeIds,
        neighbourhoodIds: input.neighbourhoodIds,
        heroMediaId: input.heroMediaId,
      };
      const revisionId = await recordSnapshot(trx, id, actor.id, snapshot, { origin: "conflict", at: now });
      await recordEvent(trx, {
        actor,
        action: "content.conflict",
        target: { type: "content", id, label: item.title },
        details: { formVersion: version, currentVersion: item.version, revisionId, autosave: Boolean(options.autosave) },
        at: now,
      });
      return { kind: "conflict", revisionId, currentVersion: item.version, savedBy: item.updated_by_name, savedAt: item.updated_at };
    }
    const facts = await findCacheFacts(trx, id);
    box.before = {
      kind: item.kind,
      themeIds: facts.themeIds,
      neighbourhoodIds: facts.neighbourhoodIds,
      inMenu: facts.inMenu,
      wasPublic: item.status === "published",
    };

    const refs = await resolveReferences(deps, trx, item, item.kind, input);
    // An emptied slug field means "make it from the title again".
    const parentPath = item.kind === "page" ? (refs.parent?.path ?? null) : null;
    const wantsMove = input.slug !== item.slug || (item.kind === "page" && (refs.parent?.id ?? null) !== item.parent_id);
    let slug = item.slug;
    if (wantsMove && Object.keys(refs.errors).length === 0) {
      const free = await freeSlug(trx, item.kind, parentPath, input, item.id);
      if ("error" in free) refs.errors.slug = free.error;
      else slug = free.slug;
    }
    if (Object.keys(refs.errors).length) throw formError(refs.errors, values);
    if (wantsMove) {
      try {
        await moveContent(trx, id, { slug, parentId: item.kind === "page" ? (refs.parent?.id ?? null) : undefined });
      } catch (error) {
        if (error instanceof ConflictError) throw formError({ slug: "Cette adresse est déjà utilisée : choisissez-en une autre." }, values);
        throw error;
      }
    }
    const newVersion = await q.updateText(trx, id, item.version, {
      title: input.title,
      standfirst: input.standfirst,
      body: sanitizeBody(input.body),
      heroMediaId: input.heroMediaId,
      by: actor.id,
      now,
    });
    if (newVersion === undefined) throw new ConflictError("Version changed during the save");
    await writeLinks(trx, id, input, refs.relatedIds);
    if (options.autosave) {
      const latestBefore = await maxRevisionId(trx, id);
      const revisionId = await recordAutosaveRevision(trx, id, actor.id, now);
      // The trail gets one line per autosave revision, not one per keystroke pause.
      if (revisionId !== latestBefore) {
        await recordEvent(trx, {
          actor,
          action: "content.update",
          target: { type: "content", id, label: input.title },
          details: { autosave: true, version: newVersion },
          at: now,
        });
      }
    } else {
      await recordRevision(trx, id, actor.id, { at: now });
      await recordEvent(trx, {
        actor,
        action: "content.update",
        target: { type: "content", id, label: input.title },
        details: { version: newVersion, status: item.status, ...(slug !== item.slug ? { slug: { from: item.slug, to: slug } } : {}) },
        at: now,
      });
    }
    return { kind: "saved", id, version: newVersion, savedAt: now, status: item.status };
  });
  const b = box.before;
  if (result.kind === "saved" && b?.wasPublic)
    await invalidateContent(deps, { id, kind: b.kind }, { id, kind: b.kind, themeIds: b.themeIds, neighbourhoodIds: b.neighbourhoodIds, inMenu: b.inMenu });
  return result;
}

// ---- Workflow

export type WorkflowAction = "submit" | "publish" | "schedule" | "unpublish" | "archive";

export const WORKFLOW_PERMISSION: Record<WorkflowAction, Action> = {
  submit: "content.submit",
  publish: "content.publish",
  schedule: "content.schedule",
  unpublish: "content.unpublish",
  archive: "content.unpublish",
};

/** Statuses from which each action may start. */
const FROM: Record<WorkflowAction, readonly ContentStatus[]> = {
  submit: ["draft"],
  publish: ["draft", "review", "scheduled", "unpublished", "archived"],
  schedule: ["draft", "review", "scheduled", "unpublished", "archived"],
  unpublish: ["published", "scheduled"],
  archive: ["draft", "review", "scheduled", "published", "unpublished"],
};

/** The workflow buttons this actor may use on this item now. */
export function allowedActions(
  actor: EditorActor,
  item: { author_id: number | null; status: ContentStatus },
): { workflow: WorkflowAction[]; canDelete: boolean; canEdit: boolean; canRestore: boolean } {
  const subject = subjectOf(item);
  const workflow = (Object.keys(FROM) as WorkflowAction[]).filter((a) => FROM[a].includes(item.status) && can(actor, WORKFLOW_PERMISSION[a], subject));
  return {
    workflow,
    canDelete: can(actor, "content.delete", subject),
    canEdit: canEditContent(actor, subject),
    canRestore: can(actor, "revision.restore", subject),
  };
}

export async function runWorkflow(
  deps: AdminDeps,
  actor: EditorActor,
  id: number,
  action: WorkflowAction,
  raw: RawForm = {},
): Promise<{ status: ContentStatus; from: ContentStatus; noop?: boolean }> {
  const now = deps.now();
  let wasPublic = false;
  let kind: ContentKind = "article";
  const result = await deps.db.transaction().execute(async (trx) => {
    const item = await loadForUpdate(trx, id);
    kind = item.kind;
    requireAction(actor, WORKFLOW_PERMISSION[action], subjectOf(item));
    wasPublic = item.status === "published";
    // A second click on the same button: nothing more to do.
    const target: Partial<Record<WorkflowAction, ContentStatus>> = { submit: "review", publish: "published", archive: "archived" };
    if (target[action] === item.status) return { status: item.status, from: item.status, noop: true };
    if (!FROM[action].includes(item.status)) throw new ConflictError(`Cannot ${action} from ${item.status}`);
    let status: ContentStatus;
    const details: Record<string, unknown> = { from: item.status };
    if (action === "schedule") {
      const schedule = parseSchedule(raw, now);
      if (!schedule.at) throw new ValidationError(schedule.errors, "Invalid schedule", schedule.values);
      await scheduleInTransaction(trx, id, schedule.at, now, actor.id);
      details.scheduledAt = schedule.at;
      status = "scheduled";
    } else {
      status =
        action === "submit"
          ? "review"
          : action === "publish"
            ? "published"
            : action === "archive"
              ? "archived"
              : item.status === "scheduled"
                ? "draft"
                : "unpublished";
      await q.setStatus(trx, id, {
        status,
        by: actor.id,
        now,
        ...(action === "publish" ? { publishedAt: item.status === "scheduled" || item.published_at === null ? now : item.published_at } : {}),
        clearSchedule: action === "publish" || action === "unpublish" || action === "archive",
      });
      if (action !== "submit") await cancelScheduled(trx, id);
      else await enqueueReviewNotice(trx, id, actor.id, now);
    }
    const verb = action === "unpublish" && item.status === "scheduled" ? "unschedule" : action;
    await recordEvent(trx, {
      actor,
      action: `content.${verb}`,
      target: { type: "content", id, label: item.title },
      details: { ...details, to: status },
      at: now,
    });
    return { status, from: item.status };
  });
  if (!result.noop && (wasPublic || result.status === "published")) await invalidateContent(deps, { id, kind });
  return result;
}

/** Deletes an item (not a page that still has sub-pages), once the person has confirmed. */
export async function deleteItem(deps: AdminDeps, actor: EditorActor, id: number, raw: RawForm): Promise<void> {
  if (field(raw, "confirm", { max: 10 }) !== "oui")
    throw new ValidationError({ confirm: "Confirmez la suppression avec le bouton « Supprimer définitivement »." });
  const now = deps.now();
  const before = await deps.db.transaction().execute(async (trx) => {
    const item = await loadForUpdate(trx, id);
    requireAction(actor, "content.delete", subjectOf(item));
    if ((await q.countChildren(trx, id)) > 0) {
      throw new ValidationError({ confirm: "Cette page a des sous-pages : déplacez-les ou supprimez-les d’abord." });
    }
    const facts = await findCacheFacts(trx, id);
    await cancelScheduled(trx, id);
    await q.deleteItem(trx, id);
    await recordEvent(trx, {
      actor,
      action: "content.delete",
      target: { type: "content", id, label: item.title },
      details: { kind: item.kind, status: item.status, path: item.path },
      at: now,
    });
    return { kind: item.kind, wasPublic: item.status === "published", ...facts };
  });
  if (before.wasPublic) {
    await invalidateContent(
      deps,
      { id, kind: before.kind },
      { id, kind: before.kind, themeIds: before.themeIds, neighbourhoodIds: before.neighbourhoodIds, inMenu: before.inMenu },
    );
  }
}

// ---- Revisions

export async function restoreItemRevision(deps: AdminDeps, actor: EditorActor, id: number, revisionId: number, raw: RawForm): Promise<void> {
  const now = deps.now();
  const version = parseVersion(raw);
  const before = await deps.db.transaction().execute(async (trx) => {
    const item = await loadForUpdate(trx, id);
    if (!can(actor, "revision.restore", subjectOf(item)) || !canEditContent(actor, subjectOf(item))) throw new ForbiddenError("May not restore");
    if (version !== null && version !== item.version) throw new ConflictError("Version changed");
    const facts = await findCacheFacts(trx, id);
    const newRevision = await restoreRevision(trx, id, revisionId, actor.id, now);
    await recordEvent(trx, {
      actor,
      action: "content.restore",
      target: { type: "content", id, label: item.title },
      details: { revisionId, newRevisionId: newRevision },
      at: now,
    });
    return { kind: item.kind, wasPublic: item.status === "published", ...facts };
  });
  if (before.wasPublic) {
    await invalidateContent(
      deps,
      { id, kind: before.kind },
      { id, kind: before.kind, themeIds: before.themeIds, neighbourhoodIds: before.neighbourhoodIds, inMenu: before.inMenu },
    );
  }
}

export { formValues };
