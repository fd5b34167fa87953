// The feature modules of this portal, in registration order: adding a module is one line
// here plus its own folder (docs/decisions/0014-module-contract.md).
import type { ModuleManifest } from "./core/module.js";
import { accountsModule } from "./modules/accounts/manifest.js";
import { adminModule } from "./modules/admin/manifest.js";
import { contentModule } from "./modules/content/manifest.js";
import { digestsModule } from "./modules/digests/manifest.js";
import { favouritesModule } from "./modules/favourites/manifest.js";
import { feedsModule } from "./modules/feeds/manifest.js";
import { mediaModule } from "./modules/media/manifest.js";
import { openDataModule } from "./modules/opendata/manifest.js";
import { participationModule } from "./modules/participation/manifest.js";
import { placesModule } from "./modules/places/manifest.js";
import { policyModule } from "./modules/policy/manifest.js";
import { searchModule } from "./modules/search/manifest.js";
import { siteModule } from "./modules/site/manifest.js";
import { sitemapModule } from "./modules/sitemap/manifest.js";

export const MODULES: readonly ModuleManifest[] = [
  siteModule,
  placesModule,
  mediaModule,
  accountsModule,
  favouritesModule,
  digestsModule,
  policyModule,
  participationModule,
  openDataModule,
  sitemapModule,
  searchModule,
  feedsModule,
  adminModule,
  contentModule,
];
