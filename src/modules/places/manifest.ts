import { defineModule } from "../../core/module.js";

export const placesModule = defineModule({
  name: "places",
  // Pages listing themes and quartiers, and those of one theme or one quartier.
  cacheTags: ["themes", "theme:", "neighbourhoods", "neighbourhood:"],
});
