import { defineModule } from "../../core/module.js";
import { mediaAdminRoutes } from "./admin-routes.js";
import { mediaRoutes } from "./routes.js";
import { sweepMediaFiles } from "./sweep.js";

export const mediaModule = defineModule({
  name: "media",
  routes: mediaRoutes,
  adminRoutes: mediaAdminRoutes,
  adminMenu: [{ href: "/admin/medias", label: "Médiathèque", action: "media.upload", order: 30 }],
  permissions: [
    { action: "media.upload", grants: { contributor: true, editor: true } },
    { action: "media.delete", grants: { editor: true } },
  ],
  // Files no row points at any more (an upload abandoned half-way, a deleted image).
  recurring: [{ name: "media.sweep", everyMs: 3600_000, run: (deps, now) => sweepMediaFiles(deps.db, deps.mediaDir, now) }],
});
