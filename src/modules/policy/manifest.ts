import { defineModule } from "../../core/module.js";
import { policyAdminRoutes } from "./admin-routes.js";
import { policyRoutes } from "./routes.js";

export const policyModule = defineModule({
  name: "policy",
  routes: policyRoutes,
  adminRoutes: policyAdminRoutes,
  adminMenu: [{ href: "/admin/politique-de-la-ville", label: "Politique de la ville", action: "policy.edit", order: 40 }],
  // The Politique de la Ville team maintains contracts, actions and indicators.
  permissions: [{ action: "policy.edit", grants: { policy: true } }],
  cacheTags: ["policy"],
});
