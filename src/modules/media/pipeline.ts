// The image pipeline shared by uploads, the demo seed and the test factories:
//  - decode ONCE: the header is read for the format and the upright size (EXIF orientation
//    applied before measuring, so a portrait photo gets portrait widths and height), the
//    pixel cap is checked on it, then one sharp pipeline decodes, orients and downsizes to
//    the largest variant into raw sRGB pixels;
//  - every variant is encoded from those raw pixels, which carry no metadata at all, so
//    nothing from the original file (EXIF, GPS, XMP, comments, trailing bytes) survives;
//  - formats: AVIF (optional), WebP, and JPEG as the universal fallback. Transparency is
//    kept in AVIF/WebP and flattened on white for JPEG only.
// Files are named `${random key}-${width}.${ext}`; a failure removes whatever was written.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { UploadError, uploadErrors } from "./errors.js";

/** Standard widths of the responsive variants (CSS pixels x density of cards, articles, heroes). */
export const VARIANT_WIDTHS = [320, 640, 960, 1600] as const;
export const MAX_INPUT_PIXELS = 40_000_000;
/** Upper bound for one decode or encode step; a stuck libvips job must not pin a worker. */
const SHARP_TIMEOUT_SECONDS = 30;

export type VariantFormat = "avif" | "webp" | "jpg";
/** In the order a <picture> offers them: smallest files first, JPEG last as the fallback. */
export const FORMAT_ORDER: readonly VariantFormat[] = ["avif", "webp", "jpg"];
export const UPLOAD_FORMATS: readonly VariantFormat[] = ["avif", "webp", "jpg"];
/** What rows written before AVIF support have (and what the demo seed writes, for speed). */
export const BASIC_FORMATS: readonly VariantFormat[] = ["webp", "jpg"];
export const FORMAT_MIME: Record<VariantFormat, string> = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" };

export type ImageMime = "image/jpeg" | "image/png" | "image/webp";
/** sharp's format names for the accepted types: the decoder must agree with the sniffing. */
const SHARP_FORMAT: Record<ImageMime, string> = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" };

/**
 * The standard widths not wider than the source, plus the source width itself when it is
 * clearly (20 %) wider than the largest standard width that fits, so a 1200 px image keeps
 * its full resolution; never enlarged, always at least one width.
 */
export function variantWidths(sourceWidth: number): number[] {
  const fitting: number[] = VARIANT_WIDTHS.filter((w) => w <= sourceWidth);
  const largest = fitting[fitting.length - 1];
  if (largest === undefined) return [sourceWidth];
  const biggest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  if (largest < biggest && sourceWidth >= largest * 1.2) fitting.push(Math.min(sourceWidth, biggest));
  return fitting;
}

export interface Decoded {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
  widths: number[];
  /** Format found by the decoder ("jpeg", "png", "webp"). */
  format: string;
}

/**
 * Decodes an image file or buffer into raw upright sRGB pixels at its largest variant
 * width. `expected` (the type sniffed from the magic bytes) must match what the decoder
 * finds. Decoder failures become UploadErrors; the pixel cap is checked on the header
 * before any pixel is decoded (libvips also enforces it as limitInputPixels).
 */
export async function decodeImage(input: string | Buffer, expected?: ImageMime): Promise<Decoded> {
  const open = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).timeout({ seconds: SHARP_TIMEOUT_SECONDS });
  let upright: { width: number; height: number };
  let format: string;
  try {
    const meta = await open().metadata();
    format = meta.format ?? "";
    if (expected ? format !== SHARP_FORMAT[expected] : !Object.values(SHARP_FORMAT).includes(format)) throw uploadErrors.badType();
    upright = meta.autoOrient;
    if (!upright.width || !upright.height) throw uploadErrors.corrupt();
  } catch (error) {
    throw asUploadError(error);
  }
  if (upright.width * upright.height > MAX_INPUT_PIXELS) throw uploadErrors.tooManyPixels(MAX_INPUT_PIXELS);
  const widths = variantWidths(upright.width);
  const largest = Math.max(...widths);
  try {
    const { data, info } = await open()
      .autoOrient()
      .resize({ width: largest, withoutEnlargement: true })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    return { data, info: { width: info.width, height: info.height, channels: info.channels }, widths, format };
  } catch (error) {
    throw asUploadError(error);
  }
}

function asUploadError(error: unknown): Error {
  if (error instanceof UploadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return uploadErrors.tooManyPixels(MAX_INPUT_PIXELS);
  if (/unsupported image format/i.test(message)) return uploadErrors.badType();
  // Anything else the decoder says (premature end, bad Huffman table, CRC error...).
  return uploadErrors.corrupt();
}

export interface Variants {
  key: string;
  widths: number[];
  formats: VariantFormat[];
  /** Of the largest variant, upright. */
  width: number;
  height: number;
  files: string[];
}

/** Writes `${key}-${width}.${ext}` for each width and format; on any failure removes what it wrote. */
export async function encodeVariants(mediaDir: string, base: Decoded, formats: readonly VariantFormat[] = UPLOAD_FORMATS): Promise<Variants> {
  const wanted = FORMAT_ORDER.filter((f) => f === "jpg" || formats.includes(f));
  const key = crypto.randomUUID();
  const files: string[] = [];
  await fs.mkdir(mediaDir, { recursive: true });
  const { width, height, channels } = base.info;
  try {
    for (const w of base.widths) {
      const resized = sharp(base.data, { raw: { width, height, channels } })
        .timeout({ seconds: SHARP_TIMEOUT_SECONDS })
        .resize({ width: w, withoutEnlargement: true });
      const out = (ext: VariantFormat) => {
        const file = path.join(mediaDir, `${key}-${w}.${ext}`);
        files.push(file);
        return file;
      };
      const jobs = wanted.map((format) => {
        if (format === "avif") return resized.clone().avif({ quality: 52, effort: 2 }).toFile(out("avif"));
        if (format === "webp") return resized.clone().webp({ quality: 78 }).toFile(out("webp"));
        // JPEG has no alpha: flatten transparent PNG/WebP on white rather than black.
        return resized.clone().flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true }).toFile(out("jpg"));
      });
      // allSettled, not all: the cleanup below must not race a write still in progress.
      const results = await Promise.allSettled(jobs);
      const failed = results.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    }
  } catch (error) {
    await removeFiles(files);
    throw error;
  }
  return { key, widths: base.widths, formats: wanted, width, height, files };
}

export async function removeFiles(files: string[]): Promise<void> {
  await Promise.all(files.map((f) => fs.rm(f, { force: true })));
}

/** Every file a media row may have on disk (all known formats, whatever the row says). */
export function variantFiles(mediaDir: string, fileKey: string, widths: number[]): string[] {
  return widths.flatMap((w) => FORMAT_ORDER.map((ext) => path.join(mediaDir, `${fileKey}-${w}.${ext}`)));
}
