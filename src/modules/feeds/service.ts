// The feeds' content: the latest published articles (all, of a theme, of a place) and the
// Politique de la Ville's changes, read through the owning modules' public functions and
// turned into the format-neutral model of render.ts, with absolute URLs.
import type { DB } from "../../core/db/create-db.js";
import { NotFoundError } from "../../core/errors.js";
import { formatDate } from "../../lib/format.js";
import { type ArticleFeedEntry, latestArticles } from "../content/index.js";
import { variantFileSize } from "../media/index.js";
import { findNeighbourhoodBySlug, findThemeBySlug } from "../places/index.js";
import { policyFeedEntries, statusLabel } from "../policy/index.js";
import { feedPath, NEWS_PATH, POLICY_PATH } from "./links.js";
import type { Feed, FeedEntry, FeedImage } from "./render.js";

/** Entries per feed: a reader polling every few hours misses nothing, the document stays small. */
export const FEED_SIZE = 30;

export interface FeedDeps {
  db: DB;
  now: () => Date;
  publicUrl: string;
  mediaDir: string;
  siteName: string;
}

/** What a feed is made of, for the page cache (page-cache.ts explains tags). */
export interface TaggedFeed {
  feed: Feed;
  tags: string[];
}

// Tag URIs (RFC 4151) identify entries for good: an article's address may change (a new slug
// answers 301), its id does not. The date names when the site took the scheme up.
function tagUri(publicUrl: string, specific: string): string {
  return `tag:${new URL(publicUrl).hostname},2026:${specific}`;
}

function absolute(publicUrl: string, path: string): string {
  return new URL(path, `${publicUrl}/`).toString();
}

function newest(entries: FeedEntry[], fallback: Date): Date {
  return entries.length === 0 ? fallback : new Date(Math.max(...entries.map((e) => e.updated.getTime())));
}

async function enclosure(deps: FeedDeps, article: ArticleFeedEntry): Promise<FeedImage | null> {
  const image = article.card.image;
  if (!image) return null;
  // The largest JPEG: every image has one, and every reader shows JPEG.
  return { url: absolute(deps.publicUrl, image.fallbackSrc), type: "image/jpeg", length: await variantFileSize(deps.mediaDir, image.fallbackSrc) };
}

async function articleEntries(deps: FeedDeps, articles: ArticleFeedEntry[]): Promise<FeedEntry[]> {
  return Promise.all(
    articles.map(async (a) => ({
      id: tagUri(deps.publicUrl, `contenu:${a.card.id}`),
      title: a.card.title,
      url: absolute(deps.publicUrl, a.card.url),
      published: a.publishedAt,
      // A scheduled article was last saved before it went out: it is new from its publication.
      updated: new Date(Math.max(a.updatedAt.getTime(), a.publishedAt.getTime())),
      summary: a.card.teaser,
      categories: a.themes.map((t) => t.name),
      image: await enclosure(deps, a),
    })),
  );
}

async function articleFeed(
  deps: FeedDeps,
  page: { path: string; title: string; description: string; id: string },
  filter: { themeId?: number; neighbourhoodId?: number },
): Promise<{ feed: Feed; articles: ArticleFeedEntry[] }> {
  const now = deps.now();
  const articles = await latestArticles(deps.db, filter, now, FEED_SIZE);
  const entries = await articleEntries(deps, articles);
  return {
    articles,
    feed: {
      id: tagUri(deps.publicUrl, page.id),
      title: page.title,
      description: page.description,
      pageUrl: absolute(deps.publicUrl, page.path),
      rssUrl: absolute(deps.publicUrl, feedPath(page.path, "rss")),
      atomUrl: absolute(deps.publicUrl, feedPath(page.path, "atom")),
      author: deps.siteName,
      updated: newest(entries, now),
      entries,
    },
  };
}

// Every article feed is dropped with any content change ("feeds", declared by content) and
// carries its items' tags too; the theme and place tags cover a renamed theme or place.
const contentTags = (articles: ArticleFeedEntry[]) => articles.map((a) => `content:${a.card.id}`);

export async function newsFeed(deps: FeedDeps): Promise<TaggedFeed> {
  const { feed, articles } = await articleFeed(
    deps,
    { path: NEWS_PATH, id: "actualites", title: `Actualités – ${deps.siteName}`, description: `Toute l’actualité de ${deps.siteName} et de ses quartiers.` },
    {},
  );
  return { feed, tags: ["feeds", "list:articles", "themes", ...contentTags(articles)] };
}

export async function themeFeed(deps: FeedDeps, slug: string): Promise<TaggedFeed> {
  const theme = await findThemeBySlug(deps.db, slug);
  if (!theme) throw new NotFoundError("Theme not found");
  const { feed, articles } = await articleFeed(
    deps,
    {
      path: `/themes/${theme.slug}`,
      id: `theme:${theme.id}`,
      title: `${theme.name} – ${deps.siteName}`,
      description: theme.description || `Les actualités du thème ${theme.name}.`,
    },
    { themeId: theme.id },
  );
  return { feed, tags: ["feeds", "list:articles", "themes", `theme:${theme.id}`, ...contentTags(articles)] };
}

export async function neighbourhoodFeed(deps: FeedDeps, slug: string): Promise<TaggedFeed> {
  const place = await findNeighbourhoodBySlug(deps.db, slug);
  if (!place) throw new NotFoundError("Neighbourhood not found");
  const { feed, articles } = await articleFeed(
    deps,
    {
      path: `/quartiers/${place.slug}`,
      id: `quartier:${place.id}`,
      title: `${place.name} – ${deps.siteName}`,
      description: place.description || `L’actualité du quartier ${place.name}.`,
    },
    { neighbourhoodId: place.id },
  );
  return { feed, tags: ["feeds", "list:articles", "themes", "neighbourhoods", `neighbourhood:${place.id}`, ...contentTags(articles)] };
}

const ACTION_PATH = (slug: string) => `${POLICY_PATH}/actions/${slug}`;
const exampleMark = (isExample: boolean) => (isExample ? " (exemple)" : "");

/**
 * The Politique de la Ville feed: an entry per action and status, and one per milestone done.
 * The tables date neither a status change nor a milestone being ticked (see README): an action's
 * entry is dated by its last change and identified by its status, so that a new status is a
 * new entry for readers and another edit is not; a milestone's entry is dated by its due day,
 * or by its action's last change when it was ticked before that day.
 */
export async function policyFeed(deps: FeedDeps): Promise<TaggedFeed> {
  const now = deps.now();
  const { actions, milestones } = await policyFeedEntries(deps.db, FEED_SIZE);
  const actionEntries: FeedEntry[] = actions.map((a) => ({
    id: tagUri(deps.publicUrl, `action:${a.id}:statut:${a.status}`),
    title: `${a.title}${exampleMark(a.is_example)} : ${statusLabel(a.status).toLowerCase()}`,
    url: absolute(deps.publicUrl, ACTION_PATH(a.slug)),
    published: a.updated_at,
    updated: a.updated_at,
    summary: `Statut : ${statusLabel(a.status)}, avancement ${a.progress} %. ${a.summary}`.trim(),
    categories: [statusLabel(a.status)],
    image: null,
  }));
  const milestoneEntries: FeedEntry[] = milestones.map((m) => {
    const due = new Date(`${m.due_day}T00:00:00Z`);
    const date = due <= now ? due : m.action_updated_at;
    return {
      id: tagUri(deps.publicUrl, `action:${m.action_id}:jalon:${m.due_day}:${encodeURIComponent(m.title).slice(0, 120)}`),
      title: `Étape franchie : ${m.title} (${m.action_title}${exampleMark(m.is_example)})`,
      url: absolute(deps.publicUrl, ACTION_PATH(m.action_slug)),
      published: date,
      updated: date,
      summary: `L’action « ${m.action_title} » a franchi l’étape « ${m.title} », prévue le ${formatDay(m.due_day)}.`,
      categories: ["Étape franchie"],
      image: null,
    };
  });
  const entries = [...actionEntries, ...milestoneEntries]
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE);
  const feed: Feed = {
    id: tagUri(deps.publicUrl, "politique-de-la-ville"),
    title: `Politique de la ville – ${deps.siteName}`,
    description: "L’avancement des actions de la politique de la ville : leur statut et les étapes franchies.",
    pageUrl: absolute(deps.publicUrl, POLICY_PATH),
    rssUrl: absolute(deps.publicUrl, feedPath(POLICY_PATH, "rss")),
    atomUrl: absolute(deps.publicUrl, feedPath(POLICY_PATH, "atom")),
    author: deps.siteName,
    updated: newest(entries, now),
    entries,
  };
  return { feed, tags: ["policy"] };
}

/** "2026-03-05" -> "5 mars 2026": noon UTC is that same day in Europe/Paris. */
function formatDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`));
}
