import { defineModule } from "../../core/module.js";
import { favouriteFacts } from "./queries.js";
import { favouriteRoutes } from "./routes.js";

export const favouritesModule = defineModule({
  name: "favourites",
  routes: favouriteRoutes,
  viewerFacts: (deps, userId) => favouriteFacts(deps.db, userId),
});
