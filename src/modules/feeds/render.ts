// RSS 2.0 and Atom 1.0 documents, built from elements whose text and attributes are always
// escaped here: no caller writes markup, so a title with "<", "&" or a control character can
// neither break the document nor inject an element.

/** Markup made by `el` (never by hand): only these are inserted without escaping. */
export class Xml {
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

// Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab and line breaks,
// lone surrogates, U+FFFE/U+FFFF): a pasted text may contain them; they are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeText(value: string): string {
  return value.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values also escape quotes, and line breaks and tabs (a parser would turn them into spaces). */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

type Child = Xml | string | null | undefined | false;

/** One element: attributes left undefined or null are omitted, strings among the children are text. */
export function el(name: string, attributes: Record<string, string | number | null | undefined> | null, ...children: Child[]): Xml {
  if (!NAME.test(name)) throw new Error(`Invalid XML element name: ${name}`);
  let markup = `<${name}`;
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`Invalid XML attribute name: ${key}`);
    markup += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  const inner = children.map((c) => (c instanceof Xml ? c.toString() : typeof c === "string" ? escapeText(c) : "")).join("");
  return new Xml(inner === "" ? `${markup}/>` : `${markup}>${inner}</${name}>`);
}

export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.toString()}\n`;
}

/** RFC 822 (as RFC 1123 writes it, four-digit year) in GMT: what RSS 2.0 dates are. */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** RFC 3339 in UTC: what Atom dates are. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// ---- the feed model, filled by service.ts, written out in either format

export interface FeedImage {
  /** Absolute URL. */
  url: string;
  type: string;
  /** Bytes, when the file was found (RSS requires the attribute: 0 says "unknown"). */
  length: number | null;
}

export interface FeedEntry {
  /** Stable identifier (a tag URI): RSS guid, Atom id. */
  id: string;
  title: string;
  /** Absolute URL of the page. */
  url: string;
  published: Date;
  updated: Date;
  /** Plain text. */
  summary: string;
  categories: string[];
  image: FeedImage | null;
}

export interface Feed {
  /** Tag URI of the feed (Atom id). */
  id: string;
  title: string;
  /** Plain text (RSS channel description, Atom subtitle). */
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
  /** Absolute URLs of the feed in both formats (self and alternate links). */
  rssUrl: string;
  atomUrl: string;
  /** Author of every entry (Atom requires one): the site. */
  author: string;
  /** The newest entry's date; the build time when there is none. */
  updated: Date;
  entries: FeedEntry[];
}

export function renderRss(feed: Feed): string {
  const items = feed.entries.map((e) =>
    el(
      "item",
      null,
      el("title", null, e.title),
      el("link", null, e.url),
      el("guid", { isPermaLink: "false" }, e.id),
      el("pubDate", null, rfc822(e.published)),
      e.summary ? el("description", null, e.summary) : null,
      ...e.categories.map((c) => el("category", null, c)),
      e.image ? el("enclosure", { url: e.image.url, length: e.image.length ?? 0, type: e.image.type }) : null,
    ),
  );
  return xmlDocument(
    el(
      "rss",
      { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom" },
      el(
        "channel",
        null,
        el("title", null, feed.title),
        el("link", null, feed.pageUrl),
        el("description", null, feed.description),
        el("language", null, "fr"),
        el("lastBuildDate", null, rfc822(feed.updated)),
        el("atom:link", { href: feed.rssUrl, rel: "self", type: "application/rss+xml" }),
        ...items,
      ),
    ),
  );
}

export function renderAtom(feed: Feed): string {
  const entries = feed.entries.map((e) =>
    el(
      "entry",
      null,
      el("id", null, e.id),
      el("title", { type: "text" }, e.title),
      el("link", { rel: "alternate", type: "text/html", href: e.url }),
      el("published", null, rfc3339(e.published)),
      el("updated", null, rfc3339(e.updated)),
      e.summary ? el("summary", { type: "text" }, e.summary) : null,
      ...e.categories.map((c) => el("category", { term: c })),
      e.image ? el("link", { rel: "enclosure", type: e.image.type, href: e.image.url, length: e.image.length ?? undefined }) : null,
    ),
  );
  return xmlDocument(
    el(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": "fr" },
      el("id", null, feed.id),
      el("title", { type: "text" }, feed.title),
      el("subtitle", { type: "text" }, feed.description),
      el("link", { rel: "self", type: "application/atom+xml", href: feed.atomUrl }),
      el("link", { rel: "alternate", type: "text/html", href: feed.pageUrl }),
      el("updated", null, rfc3339(feed.updated)),
      el("author", null, el("name", null, feed.author)),
      ...entries,
    ),
  );
}
