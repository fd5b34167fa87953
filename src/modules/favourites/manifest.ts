import { defineModule } from "../../core/module.js";
import { favouriteRoutes } from "./routes.js";
import { viewerFavouriteFacts } from "./service.js";

export const favouritesModule = defineModule({
  name: "favourites",
  routes: favouriteRoutes,
  // Kept per person until their favourites change (the favourites triggers bump users.personal_version).
  viewerFacts: (deps, userId) => viewerFavouriteFacts(deps.db, userId),
});
