import { defineModule } from "../../core/module.js";
import { feedRoutes } from "./routes.js";

// RSS and Atom feeds of the news (all, per theme, per quartier) and of the Politique de la
// Ville. No tag of its own: a feed carries the tags of what it shows ("feeds", "list:articles",
// "content:", "theme:", "neighbourhood:", "policy"), declared by content, places and policy.
export const feedsModule = defineModule({
  name: "feeds",
  routes: feedRoutes,
});
