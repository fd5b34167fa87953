import { defineModule } from "../../core/module.js";
import { openDataRoutes } from "./routes.js";

export const openDataModule = defineModule({
  name: "opendata",
  routes: openDataRoutes,
  cacheTags: ["opendata"],
});
