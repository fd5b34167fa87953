// The site module: identity, navigation and theme colours of the portal, and the development
// outbox. Its SiteService is the page frame every page needs (core/deps.ts SiteFrame).
import { defineModule } from "../../core/module.js";
import { siteRoutes } from "./routes.js";

export const siteModule = defineModule({
  name: "site",
  routes: siteRoutes,
});
