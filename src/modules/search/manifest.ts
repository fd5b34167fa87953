import { defineModule } from "../../core/module.js";
import { searchRoutes } from "./routes.js";

export const searchModule = defineModule({
  name: "search",
  routes: searchRoutes,
});
