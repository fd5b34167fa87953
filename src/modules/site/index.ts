// What the site module offers: the page frame (identity, navigation, theme colours).
export { SiteService, type SiteData } from "./service.js";
