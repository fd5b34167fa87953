import { defineModule } from "../../core/module.js";
import { favouriteRoutes } from "./routes.js";
import { exportFavourites, viewerFavouriteFacts } from "./service.js";

export const favouritesModule = defineModule({
  name: "favourites",
  routes: favouriteRoutes,
  // Kept per person until their favourites change (the favourites triggers bump users.personal_version).
  viewerFacts: (deps, userId) => viewerFavouriteFacts(deps.db, userId),
  // "favourites" and "favouriteActions" in "Télécharger mes données"
  personalData: async (deps, userId) => ({ ...(await exportFavourites(deps.db, userId)) }),
});
