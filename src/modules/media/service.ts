// Use cases of the media library: (actor, input) -> result. Knows nothing of HTTP.
// Permissions: uploading and editing need media.upload; a member without media.delete
// (a contributor) edits only the images they uploaded, since an edit changes every page
// showing the image; deleting needs media.delete. Every change writes its audit event in
// the same transaction.
import fsp from "node:fs/promises";
import { can, type Actor } from "../../core/auth/roles.js";
import type { AuditActor } from "../../core/audit.js";
import { recordEvent } from "../../core/audit.js";
import type { DB } from "../../core/db/create-db.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import type { PageCache } from "../../core/http/page-cache.js";
import { UploadError } from "./errors.js";
import { lockMediaForEdit, updateMediaDetails } from "./queries.js";
import { ALT_MAX, CAPTION_MAX, CREDIT_MAX, processUpload } from "./upload.js";
import { deleteMediaIfUnused, MediaError, usageOf } from "./usage.js";

export interface MediaDeps {
  db: DB;
  mediaDir: string;
  pageCache: PageCache;
  now: () => Date;
}

export type MediaActor = Actor & AuditActor & { id: number };

/** Form fields of the upload and edit forms, as typed. */
export interface DetailsInput {
  alt?: string;
  legende?: string;
  credit?: string;
  point_x?: string;
  point_y?: string;
}

export interface Details {
  alt: string;
  caption: string;
  credit: string;
  focalX: number; // 0-1
  focalY: number;
}

export const FIELD_LABELS: Record<string, string> = {
  fichier: "Image",
  alt: "Texte alternatif",
  legende: "Légende",
  credit: "Crédit",
  point_x: "Point d’intérêt, horizontal",
  point_y: "Point d’intérêt, vertical",
};

// Control and format characters (incl. bidi overrides), as in upload.ts.
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const clean = (value: string | undefined) => (value ?? "").replace(CONTROL, " ").replace(/\s+/g, " ").trim();

function percent(value: string | undefined, field: string, errors: Record<string, string>): number {
  const text = (value ?? "").trim();
  if (text === "") return 0.5;
  if (!/^\d{1,3}$/.test(text) || Number(text) > 100) {
    errors[field] = "Saisissez un nombre entier entre 0 et 100.";
    return 0.5;
  }
  return Number(text) / 100;
}

/** Checks the texts and the focal point; returns French messages by field name. */
export function validateDetails(input: DetailsInput): { values: Details; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const alt = clean(input.alt);
  const caption = clean(input.legende);
  const credit = clean(input.credit);
  if (alt === "") errors.alt = "Décrivez l’image pour les personnes qui ne la voient pas.";
  else if (alt.length > ALT_MAX) errors.alt = `Le texte alternatif ne doit pas dépasser ${ALT_MAX} caractères.`;
  if (caption.length > CAPTION_MAX) errors.legende = `La légende ne doit pas dépasser ${CAPTION_MAX} caractères.`;
  if (credit.length > CREDIT_MAX) errors.credit = `Le crédit ne doit pas dépasser ${CREDIT_MAX} caractères.`;
  const focalX = percent(input.point_x, "point_x", errors);
  const focalY = percent(input.point_y, "point_y", errors);
  return { values: { alt, caption, credit, focalX, focalY }, errors };
}

/**
 * Stores an uploaded file (already streamed to `tmpFile`, or null when none was chosen).
 * Refusals come back as a ValidationError by field; the temp file is always removed.
 */
export async function uploadImage(
  deps: MediaDeps,
  actor: MediaActor,
  input: { tmpFile: string | null; originalName: string; fields: DetailsInput; fileError?: string },
): Promise<number> {
  try {
    if (!can(actor, "media.upload")) throw new ForbiddenError("Missing media.upload");
    const { values, errors } = validateDetails(input.fields);
    if (input.fileError) errors.fichier = input.fileError;
    else if (!input.tmpFile) errors.fichier = "Choisissez une image JPEG, PNG ou WebP.";
    if (Object.keys(errors).length > 0 || !input.tmpFile) throw new ValidationError(sortErrors(errors));
    try {
      return await processUpload(
        deps.db,
        deps.mediaDir,
        input.tmpFile,
        { alt: values.alt, caption: values.caption, credit: values.credit, originalName: input.originalName, uploadedBy: actor.id },
        { focal: { x: values.focalX, y: values.focalY }, actor: { id: actor.id, label: actor.label }, now: deps.now() },
      );
    } catch (error) {
      if (error instanceof UploadError) throw new ValidationError({ fichier: error.message });
      throw error;
    }
  } finally {
    if (input.tmpFile) await fsp.rm(input.tmpFile, { force: true });
  }
}

/** Errors in the order of the form's fields, so the summary reads like the form. */
function sortErrors(errors: Record<string, string>): Record<string, string> {
  const order = Object.keys(FIELD_LABELS);
  return Object.fromEntries(Object.entries(errors).sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])));
}

/** May this member change this image's texts and focal point? */
export function canEditMedia(actor: Actor & { id: number }, media: { uploaded_by: number | null }): boolean {
  if (!can(actor, "media.upload")) return false;
  return can(actor, "media.delete") || media.uploaded_by === actor.id;
}

/**
 * Updates alt text, caption, credit and focal point. Pages showing the image are dropped
 * from the page cache: those of every content item using it (their own page and the
 * pages listing their card carry the "content:<id>" tag).
 */
export async function updateImage(deps: MediaDeps, actor: MediaActor, id: number, input: DetailsInput): Promise<{ changed: string[] }> {
  const { values, errors } = validateDetails(input);
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await lockMediaForEdit(trx, id);
    if (!row) throw new NotFoundError("No such media");
    if (!canEditMedia(actor, row)) throw new ForbiddenError("Not allowed to edit this media");
    if (Object.keys(errors).length > 0) throw new ValidationError(sortErrors(errors));
    const before = { alt: row.alt, caption: row.caption, credit: row.credit, focalX: round(row.focal_x), focalY: round(row.focal_y) };
    const after = { alt: values.alt, caption: values.caption, credit: values.credit, focalX: round(values.focalX), focalY: round(values.focalY) };
    const changes: Record<string, { from: string | number; to: string | number }> = {};
    for (const key of Object.keys(before) as Array<keyof typeof before>) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length === 0) return { changed: [], usedBy: [] as number[] };
    await updateMediaDetails(trx, id, after);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "media.update",
      target: { type: "media", id, label: after.alt.slice(0, 200) },
      details: { changes },
      at: deps.now(),
    });
    const usage = await usageOf(trx, id, row.file_key);
    return { changed: Object.keys(changes), usedBy: usage.map((u) => u.id) };
  });
  if (result.usedBy.length > 0) deps.pageCache.invalidateTags(result.usedBy.map((contentId) => `content:${contentId}`));
  return { changed: result.changed };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Deletes an unused image (MediaError "in_use" with the list otherwise). */
export async function deleteImage(deps: MediaDeps, actor: MediaActor, id: number): Promise<void> {
  if (!can(actor, "media.delete")) throw new ForbiddenError("Missing media.delete");
  try {
    await deleteMediaIfUnused(deps.db, deps.mediaDir, id, { actor: { id: actor.id, label: actor.label }, now: deps.now() });
  } catch (error) {
    if (error instanceof MediaError && error.code === "not_found") throw new NotFoundError("No such media");
    throw error;
  }
}
