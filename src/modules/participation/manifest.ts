// Citizen participation (issue #15, docs/decisions/0017-participation.md): comments and their
// moderation (comments/, moderation/, notifications/), proposals, supports, organisations and
// assisted entry (proposals/, organisations/). One manifest for the whole module.
import { defineModule } from "../../core/module.js";
import { articleCommentsAdminRoutes } from "./comments/admin-routes.js";
import { commentRoutes } from "./comments/routes.js";
import { mails } from "./mails.js";
import { moderationAdminRoutes } from "./moderation/admin-routes.js";
import { tellFollowersOfStatus } from "./notifications/action-status.js";
import { notificationRoutes } from "./notifications/routes.js";
import { exportParticipation } from "./rgpd.js";
import { unreadBadge } from "./notifications/service.js";
import { organisationAdminRoutes } from "./organisations/admin-routes.js";
import { proposalAdminRoutes } from "./proposals/admin-routes.js";
import { proposalImageRoutes } from "./proposals/image-routes.js";
import { proposalRoutes } from "./proposals/routes.js";

export const participationModule = defineModule({
  name: "participation",
  routes: async (app) => {
    await proposalRoutes(app);
    // its own scope: the multipart parser serves the image form only
    await app.register(proposalImageRoutes);
    await commentRoutes(app);
    await notificationRoutes(app);
  },
  adminRoutes: async (app) => {
    await proposalAdminRoutes(app);
    await organisationAdminRoutes(app);
    await moderationAdminRoutes(app);
    await articleCommentsAdminRoutes(app);
  },
  adminMenu: [
    { href: "/admin/participation/moderation", label: "Modération", action: "participation.moderate", order: 44 },
    { href: "/admin/participation/suspensions", label: "Comptes suspendus", action: "participation.block", order: 48 },
    { href: "/admin/participation/reglages", label: "Réglages de la modération", action: "participation.configure", order: 49 },
    { href: "/admin/participation/articles", label: "Articles ouverts aux commentaires", action: "participation.article_comments", order: 50 },
    { href: "/admin/participation/idees", label: "Idées des habitants", action: "participation.answer", order: 45 },
    { href: "/admin/participation/saisie-assistee", label: "Saisie assistée", action: "participation.mediate", order: 46 },
    { href: "/admin/participation/organisations", label: "Organisations d’habitants", action: "participation.organisations", order: 47 },
  ],
  cacheTags: ["participation:"],
  mails,
  // In-transaction events of other modules (decision 0018): followers hear of a status change.
  on: { "policy.action.status-changed": tellFollowersOfStatus },
  // The unread count beside "Mon compte" on every signed-in page: kept per person until their
  // notices change (the participation_notifications triggers bump users.personal_version).
  viewerFacts: async (deps, userId) => ({ unreadNotices: await unreadBadge(deps.db, userId) }),
  // comments, ideas, supports, reports, blocks and notices in "Télécharger mes données"
  personalData: async (deps, userId) => ({ participation: await exportParticipation(deps.db, userId) }),
  // Residents' own acts (comment, report, propose, support) are not in the role table, which
  // holds back-office actions only: any signed-in account with a verified address that is not
  // blocked may do them (participation/access.ts). The table holds what staff may do.
  permissions: [
    // the moderation queue: approve, hide with a public reason, restore
    { action: "participation.moderate", grants: { moderator: true } },
    // block an account from participating for a period
    { action: "participation.block", grants: { moderator: true } },
    // per-space settings: pre- or post-moderation, reports before hiding
    { action: "participation.configure", grants: { moderator: true } },
    // record a contribution made on paper or in person for a resident who consented
    { action: "participation.mediate", grants: { mediator: true } },
    // the city's answer to a proposal (status, reason, the action it became)
    { action: "participation.answer", grants: { policy: true } },
    // conseils citoyens and associations, and their members
    { action: "participation.organisations", grants: { policy: true } },
    // open an article to comments (articles are closed by default)
    { action: "participation.article_comments", grants: { editor: true } },
  ],
});
