// Stores an image: re-encodes it with sharp into responsive variants (WebP and JPEG at
// each width), which also drops EXIF/GPS metadata, then records it in `media`.
// Files are written under a random key; a failure removes whatever was written.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { DB } from "../../core/db/create-db.js";

export const VARIANT_WIDTHS = [400, 800, 1200] as const;
export const MAX_INPUT_PIXELS = 40_000_000;

export interface ImageMeta {
  alt: string;
  caption: string;
  credit: string;
}

export interface Variants {
  key: string;
  widths: number[];
  width: number; // of the largest variant
  height: number;
  files: string[];
}

/** Writes the WebP and JPEG variants of an image; removes them all if any fails. */
export async function writeVariants(mediaDir: string, input: Buffer): Promise<Variants> {
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
  const info = await image.metadata();
  if (!info.width || !info.height) throw new Error("Unreadable image");
  const key = crypto.randomUUID();
  const fitting = VARIANT_WIDTHS.filter((w) => w <= info.width!);
  const widths: number[] = fitting.length > 0 ? [...fitting] : [info.width];
  const files: string[] = [];
  await fs.mkdir(mediaDir, { recursive: true });
  try {
    for (const width of widths) {
      const resized = image.clone().rotate().resize({ width, withoutEnlargement: true });
      const webp = path.join(mediaDir, `${key}-${width}.webp`);
      const jpg = path.join(mediaDir, `${key}-${width}.jpg`);
      files.push(webp, jpg);
      await Promise.all([
        resized.clone().webp({ quality: 78 }).toFile(webp),
        resized.clone().jpeg({ quality: 80, mozjpeg: true }).toFile(jpg),
      ]);
    }
  } catch (error) {
    await removeFiles(files);
    throw error;
  }
  const width = Math.max(...widths);
  return { key, widths, width, height: Math.round((info.height * width) / info.width), files };
}

export async function removeFiles(files: string[]): Promise<void> {
  await Promise.all(files.map((f) => fs.rm(f, { force: true })));
}

export async function insertMedia(db: DB, v: Variants, meta: ImageMeta): Promise<number> {
  const row = await db
    .insertInto("media")
    .values({
      file_key: v.key,
      mime: "image/jpeg",
      width: v.width,
      height: v.height,
      variant_widths: v.widths,
      alt: meta.alt,
      caption: meta.caption,
      credit: meta.credit,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Variants + row; the files are removed again if the row cannot be written. */
export async function storeImage(db: DB, mediaDir: string, input: Buffer, meta: ImageMeta): Promise<number> {
  const variants = await writeVariants(mediaDir, input);
  try {
    return await insertMedia(db, variants, meta);
  } catch (error) {
    await removeFiles(variants.files);
    throw error;
  }
}
