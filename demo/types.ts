// Shapes of the demo dataset. The seed script turns these plain objects into rows;
// keeping them free of database types lets the content be read and reviewed as data.

export interface DemoTheme {
  slug: string; // URL segment, e.g. "emploi"
  name: string; // display name, e.g. "Emploi"
  description: string; // one or two sentences shown on the theme page
  /** Accent colour (hex). Must give at least 4.5:1 contrast with white text. */
  color: string;
}

export interface DemoNeighbourhood {
  slug: string;
  name: string;
  /** quartier: a city district; commune: an associated commune (Hellemmes, Lomme); qpv: a priority neighbourhood */
  kind: "quartier" | "commune" | "qpv";
  /** INSEE code for communes, official QPV code (e.g. QN05971M) for QPVs, district number for quartiers */
  code: string | null;
  description: string;
}

/** How the seed draws the illustration of an article: no photos, no people. */
export interface DemoIllustration {
  motif: IllustrationMotif;
  /** Free-form variation number, changes layout details deterministically. */
  variant: number;
  alt: string; // describes the illustration for screen readers, in French
  caption: string; // legend under the image, in French
  credit: string; // e.g. "Illustration Portail" or "Illustration S. M."
}

export type IllustrationMotif =
  | "buildings" // apartment blocks, windows
  | "shopfront" // street with shop awnings
  | "park" // trees, benches, paths
  | "school" // school building, books
  | "bicycle" // bikes, cycle lanes
  | "sport" // stadium, ball, running track
  | "culture" // theatre curtains, music notes
  | "health" // health centre, cross
  | "construction" // cranes, scaffolding
  | "meeting" // chairs around a table, speech bubbles
  | "market" // stalls, fruit crates
  | "workshop"; // tools, workbench

export interface DemoArticle {
  slug: string;
  title: string;
  standfirst: string; // chapô, 1-3 sentences
  /** Body HTML limited to: h2, h3, p, ul, ol, li, a[href], strong, em, blockquote, figure, figcaption. */
  body: string;
  themes: string[]; // theme slugs, first one is the main theme shown on cards
  neighbourhoods: string[]; // neighbourhood slugs
  /** Publication date as days before the seed date (0 = today); spread over two years. */
  daysAgo: number;
  illustration: DemoIllustration;
  /** Slugs of articles an editor pinned in "Lire aussi" (optional, at most 3). */
  pinned?: string[];
}

export interface DemoPage {
  slug: string;
  /** Slug of the parent page, or null for a top-level page. Pages form their URL from the chain. */
  parent: string | null;
  title: string;
  standfirst: string;
  body: string;
  themes: string[];
  neighbourhoods: string[];
  featured: boolean; // shown on the home page
  /** Short label in the main navigation; pages without one are not in the menu. */
  menuTitle?: string;
  illustration: DemoIllustration | null;
  pinned?: string[]; // article slugs pinned in "Lire aussi"
}
