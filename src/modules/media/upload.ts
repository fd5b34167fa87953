// Image uploads for the media library, in two steps so that the route layer can plug in
// any multipart parser:
//  1. receiveUpload streams the body to a temp file under a random name, with a byte cap
//     enforced while streaming (we never hold a whole upload in memory, never trust a
//     Content-Length, and never leave a partial file behind);
//  2. processUpload checks the type by content, decodes with a pixel cap, re-encodes into
//     the responsive variants (which drops EXIF/GPS and any payload hidden in the file),
//     records the media row and always removes the temp file.
// Security notes: SECURITY.md A7 (#45-#49) and A8 #52 (bounded expensive work).
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { recordEvent, type AuditActor } from "../../core/audit.js";
import type { DB } from "../../core/db/create-db.js";
import { UploadError, uploadErrors as errors } from "./errors.js";
import { insertMediaRow } from "./queries.js";
import { UPLOAD_FORMATS, decodeImage, encodeVariants, removeFiles, type ImageMime, type VariantFormat } from "./pipeline.js";

export { UploadError, type UploadErrorCode } from "./errors.js";
export type { ImageMime } from "./pipeline.js";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ALT_MAX = 300;
export const CAPTION_MAX = 1000;
export const CREDIT_MAX = 200;
export const ORIGINAL_NAME_MAX = 200;
/** Images decoded/encoded at once by this process: each takes a core and tens of MB. */
const MAX_CONCURRENT = 2;

// ---------------------------------------------------------------- 1. receiving

export interface ReceivedUpload {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * Streams `stream` to a new file in `tmpDir` named by us (the client's name never reaches
 * the file system). Crossing `maxBytes` aborts at once with an UploadError("too_large");
 * on that or any other failure (source error, disk full) the partial file is deleted.
 */
export async function receiveUpload(stream: Readable, opts: { tmpDir: string; maxBytes: number }): Promise<ReceivedUpload> {
  // Until pipeline() takes over, an error on the source (client gone) would have no
  // listener and crash the process; pipeline() still sees it through stream.errored.
  const ignore = () => {};
  stream.on("error", ignore);
  try {
    await fsp.mkdir(opts.tmpDir, { recursive: true });
  } finally {
    stream.off("error", ignore);
  }
  const file = path.join(opts.tmpDir, `${crypto.randomUUID()}.upload`);
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      // Failing the transform makes pipeline() destroy the source and the file stream,
      // so we stop reading (and writing) at the first chunk over the cap.
      if (bytes > opts.maxBytes) return callback(errors.tooLarge(opts.maxBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // "wx": never follow or overwrite an existing path; 0o600: not readable by others.
  const out = fs.createWriteStream(file, { flags: "wx", mode: 0o600 });
  try {
    await pipeline(stream, meter, out);
  } catch (error) {
    // Wait for the destroyed file stream to close first: if the error came before the
    // file was even opened, removing it now would race its creation and leave it behind.
    if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
    await fsp.rm(file, { force: true });
    throw error;
  }
  return { path: file, bytes, sha256: hash.digest("hex") };
}

// ---------------------------------------------------------------- 2. checking

/** The type by magic bytes only; the name and the client's Content-Type are never asked. */
export function sniffImageType(buffer: Uint8Array): ImageMime | null {
  const starts = (bytes: number[], offset = 0) => buffer.length >= offset + bytes.length && bytes.every((b, i) => buffer[offset + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // RIFF....WEBP: bytes 4-7 are the chunk size, so they are skipped.
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

// Control and format characters (incl. bidi overrides that can disguise an extension).
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * The client's file name as plain text for media.original_name: the last path segment
 * only, no control or bidi characters, NFC, whitespace collapsed, at most 200 characters
 * (keeping the extension). It is only ever displayed (escaped), never used in a path.
 */
export function sanitizeOriginalName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base.normalize("NFC").replace(CONTROL, "").replace(/\s+/g, " ").trim();
  const chars = Array.from(clean); // code points, so a surrogate pair is never cut in two
  if (chars.length <= ORIGINAL_NAME_MAX) return clean;
  const ext = /\.[\p{L}\p{N}]{1,10}$/u.exec(clean)?.[0] ?? "";
  return (
    chars
      .slice(0, ORIGINAL_NAME_MAX - ext.length)
      .join("")
      .trimEnd() + ext
  );
}

export interface UploadMeta {
  alt: string;
  caption?: string;
  credit?: string;
  originalName?: string;
  uploadedBy?: number | null;
}

export interface CleanMeta {
  alt: string;
  caption: string;
  credit: string;
  originalName: string;
  uploadedBy: number | null;
}

const cleanText = (value: string | undefined) => (value ?? "").replace(CONTROL, " ").replace(/\s+/g, " ").trim();

/** Trims and checks the texts; done before any image work so a missing alt costs nothing. */
export function validateMeta(meta: UploadMeta): CleanMeta {
  const alt = cleanText(meta.alt);
  const caption = cleanText(meta.caption);
  const credit = cleanText(meta.credit);
  if (alt.length === 0) throw new UploadError("alt_required", "Le texte alternatif est obligatoire.");
  if (alt.length > ALT_MAX) throw new UploadError("alt_too_long", `Le texte alternatif ne doit pas dépasser ${ALT_MAX} caractères.`);
  if (caption.length > CAPTION_MAX) throw new UploadError("caption_too_long", `La légende ne doit pas dépasser ${CAPTION_MAX} caractères.`);
  if (credit.length > CREDIT_MAX) throw new UploadError("credit_too_long", `Le crédit ne doit pas dépasser ${CREDIT_MAX} caractères.`);
  return { alt, caption, credit, originalName: sanitizeOriginalName(meta.originalName ?? ""), uploadedBy: meta.uploadedBy ?? null };
}

// ---------------------------------------------------------------- 3. processing

export interface ProcessOptions {
  /** Defaults to MAX_UPLOAD_BYTES; checked again here for callers that skip receiveUpload. */
  maxBytes?: number;
  /**
   * Encodings to write; JPEG is always written. Default: AVIF + WebP + JPEG. AVIF at
   * effort 2 costs about 1.2-1.8x the time of WebP + JPEG alone (3000x2000 photo, 4 widths,
   * shared 2-core machine: ~0.7-1.0 s without AVIF, ~1.2 s with it).
   */
  formats?: readonly VariantFormat[];
  /** Focal point for crops, 0-1 on each axis; centre by default. */
  focal?: { x: number; y: number };
  /** Who uploads, for the audit trail (null: a script or a test). */
  actor?: AuditActor | null;
  /** The app clock, for the audit event. */
  now?: Date;
}

let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT) running++;
  // A finishing job hands its slot straight to the next waiter (no decrement and
  // re-increment), so a newcomer cannot slip in between and exceed the cap.
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * Turns a received temp file into a media row and its variants; returns the media id.
 * The row and its "media.upload" audit event are written in one transaction. The temp
 * file is removed in every case; variant files are removed if anything fails.
 */
export async function processUpload(db: DB, mediaDir: string, tmpFile: string, meta: UploadMeta, options: ProcessOptions = {}): Promise<number> {
  try {
    const clean = validateMeta(meta);
    const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
    const { size } = await fsp.stat(tmpFile);
    if (size > maxBytes) throw errors.tooLarge(maxBytes);
    const mime = sniffImageType(await readHead(tmpFile, 16));
    if (!mime) throw errors.badType();
    // Only the CPU-heavy part is queued; a slow database must not hold a slot.
    const variants = await limited(async () => encodeVariants(mediaDir, await decodeImage(tmpFile, mime), options.formats ?? UPLOAD_FORMATS));
    try {
      return await db.transaction().execute(async (trx) => {
        const id = await insertMediaRow(trx, {
          file_key: variants.key,
          mime, // of the upload, as checked by content; the variants are in `formats`
          width: variants.width, // of the largest variant, upright
          height: variants.height,
          variant_widths: variants.widths,
          formats: variants.formats,
          alt: clean.alt,
          caption: clean.caption,
          credit: clean.credit,
          focal_x: options.focal?.x ?? 0.5,
          focal_y: options.focal?.y ?? 0.5,
          original_name: clean.originalName,
          uploaded_by: clean.uploadedBy,
          size_bytes: size,
          ...(options.now ? { created_at: options.now } : {}),
        });
        await recordEvent(trx, {
          actor: options.actor ?? null,
          action: "media.upload",
          target: { type: "media", id, label: clean.alt.slice(0, 200) },
          details: { originalName: clean.originalName, bytes: size, mime, width: variants.width, height: variants.height, formats: variants.formats },
          at: options.now,
        });
        return id;
      });
    } catch (error) {
      await removeFiles(variants.files);
      throw error;
    }
  } finally {
    await fsp.rm(tmpFile, { force: true });
  }
}

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await fsp.open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
