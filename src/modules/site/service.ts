// Site identity and navigation, read from the database (nothing city-specific in code)
// and kept in memory until content changes.
import crypto from "node:crypto";
import type { DB } from "../../core/db/create-db.js";
import type { SiteFrame, SiteFrameData } from "../../core/deps.js";
import type { NavLink, SiteView } from "../../ui/context.js";
import { themeColours } from "../places/index.js";
import { menuPages, siteSettings } from "./queries.js";

export type SiteData = SiteFrameData;

const FALLBACK: SiteView = { name: "Portail", shortName: "Portail", tagline: "", contactEmail: "", contactAddress: "" };

export class SiteService implements SiteFrame {
  #cached: Promise<SiteData> | null = null;
  constructor(private readonly db: DB) {}

  load(): Promise<SiteData> {
    if (!this.#cached) {
      this.#cached = this.#read();
      // A failed read (database down) must not stick: the next request tries again.
      this.#cached.catch(() => (this.#cached = null));
    }
    return this.#cached;
  }

  /** Told of every invalidation made in this process: the cache bus tells the other processes. */
  onInvalidate: (() => void) | null = null;

  invalidate(opts: { fromRemote?: boolean } = {}): void {
    this.#cached = null;
    if (!opts.fromRemote) this.onInvalidate?.();
  }

  async #read(): Promise<SiteData> {
    const [settings, themes, menu] = await Promise.all([siteSettings(this.db), themeColours(this.db), menuPages(this.db)]);
    const view: SiteView = settings
      ? {
          name: settings.site_name,
          shortName: settings.short_name,
          tagline: settings.tagline,
          contactEmail: settings.contact_email,
          contactAddress: settings.contact_address,
        }
      : FALLBACK;
    const nav: NavLink[] = [
      { href: "/actualites", label: "Actualités" },
      { href: "/themes", label: "Thèmes" },
      { href: "/quartiers", label: "Quartiers" },
      { href: "/politique-de-la-ville", label: "Politique de la Ville" },
      ...menu.map((m) => ({ href: m.path, label: m.menu_title ?? "" })),
    ];
    // Colours come from the database; slugs and colours are constrained by the schema
    // (slug pattern, #rrggbb), so they are safe inside a stylesheet.
    const brand = settings ? { main: settings.brand_color, dark: settings.brand_color_dark } : { main: "#1d4f91", dark: "#12325c" };
    const brandCss = `:root{--brand:${safeColor(brand.main)};--brand-dark:${safeColor(brand.dark)}}`;
    const themeCss = brandCss + themes.map((t) => `.tag--${t.slug}{--tag-color:${safeColor(t.color)}}`).join("");
    const hash = crypto.createHash("sha256").update(themeCss).digest("hex").slice(0, 12);
    return { view, nav, themeCss, themeCssUrl: `/couleurs.css?v=${hash}`, brandCss, communeCodes: settings?.commune_codes ?? [] };
  }
}

function safeColor(value: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(value) ? value : "#1d4f91";
}
