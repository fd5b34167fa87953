// What the site module offers: the page frame (identity, navigation, theme colours) and what
// other code needs to know of the site's settings.
export { SiteService, type SiteData } from "./service.js";
export { communeCodes, siteConfigured } from "./queries.js";
