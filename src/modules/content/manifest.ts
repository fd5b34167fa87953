import { defineModule } from "../../core/module.js";
import { contentAdminRoutes } from "./admin-routes.js";
import { mails } from "./mails.js";
import { contentJobHandlers } from "./index.js";
import { contentRoutes } from "./routes.js";

// Contributors write; editors decide what the public sees. A contributor's rights on an item
// stop once it leaves their hands (scheduled, published...), otherwise they could change
// published text without review. The Politique de la Ville team reads articles (to link them
// to actions) but does not write or publish them.
const OWN_UNTIL_SUBMITTED = ["draft", "review"];

export const contentModule = defineModule({
  name: "content",
  adminRoutes: contentAdminRoutes,
  // Last: it owns the catch-all for nested page paths.
  lastRoutes: contentRoutes,
  adminMenu: [{ href: "/admin/contenus", label: "Contenus", action: "content.read", order: 10 }],
  permissions: [
    { action: "content.read", grants: { contributor: true, editor: true, policy: true } },
    { action: "content.create", grants: { contributor: true, editor: true } },
    { action: "content.edit_own", grants: { contributor: "own", editor: true }, ownStatuses: OWN_UNTIL_SUBMITTED },
    { action: "content.edit_any", grants: { editor: true } },
    // submitting moves draft -> review; from review there is nothing left to submit
    { action: "content.submit", grants: { contributor: "own", editor: true }, ownStatuses: ["draft"] },
    { action: "content.publish", grants: { editor: true } },
    { action: "content.schedule", grants: { editor: true } },
    { action: "content.unpublish", grants: { editor: true } },
    { action: "content.delete", grants: { editor: true } },
    { action: "revision.restore", grants: { contributor: "own", editor: true }, ownStatuses: OWN_UNTIL_SUBMITTED },
  ],
  jobs: contentJobHandlers,
  mails,
  cacheTags: ["content:", "list:articles", "list:pages", "home", "sitemap", "search", "feeds"],
});
