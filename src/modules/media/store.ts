// Stores an image from a buffer (demo seed, test factories): the shared pipeline
// (pipeline.ts) writes the responsive variants, which drops EXIF/GPS metadata, then the
// row is recorded in `media`. A failure removes whatever was written.
import fs from "node:fs/promises";
import path from "node:path";
import type { DB } from "../../core/db/create-db.js";
import { insertMediaRow } from "./queries.js";
import { BASIC_FORMATS, decodeImage, encodeVariants, removeFiles, type VariantFormat, type Variants } from "./pipeline.js";

export { MAX_INPUT_PIXELS, VARIANT_WIDTHS, removeFiles, type Variants } from "./pipeline.js";

export interface ImageMeta {
  alt: string;
  caption: string;
  credit: string;
}

/**
 * Writes the variants of an image; removes them all if any fails. WebP + JPEG by default:
 * the seed writes dozens of illustrations at first start and AVIF would triple that time.
 */
export async function writeVariants(mediaDir: string, input: Buffer, formats: readonly VariantFormat[] = BASIC_FORMATS): Promise<Variants> {
  return encodeVariants(mediaDir, await decodeImage(input), formats);
}

export async function insertMedia(db: DB, v: Variants, meta: ImageMeta): Promise<number> {
  return insertMediaRow(db, {
    file_key: v.key,
    mime: "image/jpeg",
    width: v.width,
    height: v.height,
    variant_widths: v.widths,
    formats: v.formats,
    alt: meta.alt,
    caption: meta.caption,
    credit: meta.credit,
  });
}

/** Variants + row; the files are removed again if the row cannot be written. */
export async function storeImage(db: DB, mediaDir: string, input: Buffer, meta: ImageMeta, formats?: readonly VariantFormat[]): Promise<number> {
  const variants = await writeVariants(mediaDir, input, formats);
  try {
    return await insertMedia(db, variants, meta);
  } catch (error) {
    await removeFiles(variants.files);
    throw error;
  }
}

const SERVED_VARIANT = /^\/medias\/([a-z0-9-]{8,64}-\d{1,4}\.(?:avif|webp|jpg))$/;

/**
 * The size in bytes of a served variant, from its URL ("/medias/<key>-<width>.jpg"), or null
 * when the URL is not a variant's or the file is missing: an RSS enclosure gives its length.
 */
export async function variantFileSize(mediaDir: string, url: string): Promise<number | null> {
  const file = SERVED_VARIANT.exec(url)?.[1];
  if (!file) return null;
  try {
    return (await fs.stat(path.join(mediaDir, file))).size;
  } catch {
    return null;
  }
}
