import { personalCacheOf } from "../../core/http/personal-cache.js";
import { defineModule } from "../../core/module.js";
import { favouriteFacts } from "./queries.js";
import { favouriteRoutes } from "./routes.js";

export const favouritesModule = defineModule({
  name: "favourites",
  routes: favouriteRoutes,
  // Kept per person until their favourites change (the favourites triggers bump users.personal_version).
  viewerFacts: (deps, userId) => {
    const load = () => favouriteFacts(deps.db, userId);
    const cache = personalCacheOf(deps.db);
    return cache ? cache.remember(userId, "favourites.facts", load, { weight: (f) => f.favourites.size + f.favouriteActions.size }) : load();
  },
});
