// Media rows -> image view-models for the public pages and the back office.
import type { MediaRow } from "../../core/db/schema.js";
import type { ImageView } from "../../ui/view-models.js";
import { FORMAT_ORDER, type VariantFormat } from "./pipeline.js";

export function mediaUrl(fileKey: string, width: number, ext: VariantFormat): string {
  return `/medias/${fileKey}-${width}.${ext}`;
}

/** The formats a row says exist, in <picture> order; old rows without the column have WebP + JPEG. */
export function formatsOf(media: { formats?: readonly string[] | null }): VariantFormat[] {
  const recorded = media.formats ?? ["webp", "jpg"];
  return FORMAT_ORDER.filter((f) => recorded.includes(f));
}

/** Rounds a focal coordinate (0-1) to the nearest 10 %: the CSS has classes for those steps. */
export function focalStep(value: number): number {
  if (!Number.isFinite(value)) return 50;
  return Math.min(100, Math.max(0, Math.round(value * 10) * 10));
}

/**
 * Classes that set `object-position` from the focal point (cards.css). The CSP allows no
 * style attributes, so the position is one of 11 x 11 steps, set through two classes.
 */
export function focalClass(media: { focal_x: number; focal_y: number }): string {
  return `focal-x-${focalStep(media.focal_x)} focal-y-${focalStep(media.focal_y)}`;
}

type ImageSource = Pick<MediaRow, "file_key" | "variant_widths" | "width" | "height" | "alt" | "caption" | "credit" | "focal_x" | "focal_y"> & {
  formats?: readonly string[] | null;
};

export function presentImage(media: ImageSource): ImageView | null {
  const widths = [...media.variant_widths].sort((a, b) => a - b);
  const largest = widths[widths.length - 1];
  if (largest === undefined) return null;
  const formats = formatsOf(media);
  const srcset = (ext: VariantFormat) => (formats.includes(ext) ? widths.map((w) => `${mediaUrl(media.file_key, w, ext)} ${w}w`).join(", ") : null);
  return {
    fallbackSrc: mediaUrl(media.file_key, largest, "jpg"),
    avifSrcset: srcset("avif"),
    webpSrcset: srcset("webp") ?? "",
    jpegSrcset: srcset("jpg") ?? "",
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    focalClass: focalClass(media),
  };
}
