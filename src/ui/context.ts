// What every page template needs besides its own data: the site identity, navigation,
// asset URLs and the absolute origin. Built once per render by the HTTP layer.
export interface SiteView {
  name: string;
  shortName: string;
  tagline: string;
  contactEmail: string;
  contactAddress: string;
}

export interface NavLink {
  href: string;
  label: string;
}

import type { Viewer } from "./viewer.js";

export interface PageContext {
  site: SiteView;
  nav: NavLink[];
  assets: { css: string; js: string; themeCss: string; adminJs: string; adminCss: string };
  publicUrl: string;
  /** Path + query of the current request, e.g. "/actualites?page=2". */
  currentUrl: string;
  viewer: Viewer;
  /** Back-office pages only: the side navigation the modules declare, before the role filter. */
  adminMenu?: readonly { href: string; label: string; action: string }[];
}
