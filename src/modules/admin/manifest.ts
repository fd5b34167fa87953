import { defineModule } from "../../core/module.js";
import { registerAdminGuard } from "./guard.js";
import { mails } from "./mails.js";
import { adminRoutes } from "./routes.js";

export const adminModule = defineModule({
  name: "admin",
  // Before any route: every /admin path, however it is spelled, goes through the guard.
  setup: registerAdminGuard,
  adminRoutes,
  adminMenu: [
    { href: "/admin", label: "Tableau de bord", action: "backoffice.access", order: 0 },
    { href: "/admin/equipe", label: "Équipe", action: "staff.manage", order: 80 },
    { href: "/admin/journal", label: "Journal d’activité", action: "audit.read", order: 90 },
    { href: "/admin/securite", label: "Ma sécurité", action: "backoffice.access", order: 100 },
  ],
  // Administrators only (they get every action anyway): who works here, and what they did.
  permissions: [
    { action: "audit.read", grants: {} },
    { action: "staff.manage", grants: {} },
  ],
  mails,
});
