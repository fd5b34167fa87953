// Rows -> view-models. Views receive only what they show.
import type { MediaRow } from "../../core/db/schema.js";
import { truncateAtWord } from "../../lib/text.js";
import type { CardView, TagView } from "../../ui/view-models.js";
import { presentImage } from "../media/index.js";
import type { CardRow, ItemTheme } from "./queries/items.js";

export const TEASER_LENGTH = 150;

export { mediaUrl, presentImage } from "../media/index.js";

export function presentTag(theme: Pick<ItemTheme, "slug" | "name">): TagView {
  return { slug: theme.slug, name: theme.name, href: `/themes/${theme.slug}` };
}

export function presentCard(item: CardRow, themes: ItemTheme[], media: MediaRow | undefined): CardView {
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
