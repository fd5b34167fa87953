// Rows -> view-models. Views receive only what they show.
import type { MediaRow } from "../../core/db/schema.js";
import { truncateAtWord } from "../../lib/text.js";
import type { CardView, ImageView, TagView } from "../../ui/view-models.js";
import type { ItemRow, ItemTheme } from "./queries.js";

export const TEASER_LENGTH = 150;

export function mediaUrl(fileKey: string, width: number, ext: "webp" | "jpg"): string {
  return `/medias/${fileKey}-${width}.${ext}`;
}

export function presentImage(media: MediaRow): ImageView | null {
  const widths = [...media.variant_widths].sort((a, b) => a - b);
  const largest = widths[widths.length - 1];
  if (largest === undefined) return null;
  const srcset = (ext: "webp" | "jpg") => widths.map((w) => `${mediaUrl(media.file_key, w, ext)} ${w}w`).join(", ");
  return {
    fallbackSrc: mediaUrl(media.file_key, largest, "jpg"),
    webpSrcset: srcset("webp"),
    jpegSrcset: srcset("jpg"),
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
  };
}

export function presentTag(theme: Pick<ItemTheme, "slug" | "name">): TagView {
  return { slug: theme.slug, name: theme.name, href: `/themes/${theme.slug}` };
}

export function presentCard(item: ItemRow, themes: ItemTheme[], media: MediaRow | undefined): CardView {
  const main = themes[0];
  return {
    id: item.id,
    url: item.path,
    title: item.title,
    teaser: truncateAtWord(item.standfirst, TEASER_LENGTH),
    date: item.kind === "article" ? item.published_at : null,
    tag: main ? presentTag(main) : null,
    image: media ? presentImage(media) : null,
  };
}
