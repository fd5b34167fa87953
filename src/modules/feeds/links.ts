// The feeds' public addresses, and the <link rel="alternate"> a page gives for its feeds. No
// import here: the content and policy pages use these without depending on the feed builders.

export type FeedFormat = "rss" | "atom";

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
};

const EXTENSIONS: Record<FeedFormat, string> = { rss: "flux.xml", atom: "flux.atom" };

/** Where a page's feeds live: "<page path>/flux.xml" and "<page path>/flux.atom". */
export function feedPath(pagePath: string, format: FeedFormat): string {
  return `${pagePath}/${EXTENSIONS[format]}`;
}

/** What the page head announces (ui/layout.tsx renders it; the path is made absolute there). */
export interface FeedAlternate {
  type: string;
  title: string;
  href: string;
}

function alternates(pagePath: string, title: string): FeedAlternate[] {
  return [
    { type: FEED_TYPES.rss, title: `${title} (RSS)`, href: feedPath(pagePath, "rss") },
    { type: FEED_TYPES.atom, title: `${title} (Atom)`, href: feedPath(pagePath, "atom") },
  ];
}

/** The news list. */
export const NEWS_PATH = "/actualites";
/** The Politique de la Ville overview. */
export const POLICY_PATH = "/politique-de-la-ville";

export const feedAlternates = {
  news: (siteName: string) => alternates(NEWS_PATH, `Actualités – ${siteName}`),
  theme: (slug: string, name: string) => alternates(`/themes/${slug}`, `Actualités du thème ${name}`),
  neighbourhood: (slug: string, name: string) => alternates(`/quartiers/${slug}`, `Actualités du quartier ${name}`),
  policy: () => alternates(POLICY_PATH, "Politique de la ville : avancement des actions"),
};
