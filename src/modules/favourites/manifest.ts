import { defineModule } from "../../core/module.js";
import { favouriteFacts } from "./queries.js";

export const favouritesModule = defineModule({
  name: "favourites",
  viewerFacts: (deps, userId) => favouriteFacts(deps.db, userId),
});
