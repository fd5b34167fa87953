import { defineModule } from "../../core/module.js";
import { digestAdminRoutes } from "./admin-routes.js";
import { digestJobHandlers } from "./jobs.js";
import { mails } from "./mails.js";
import { TIME_ZONE } from "./period.js";
import { digestRoutes } from "./routes.js";
import { purgeOld } from "./queries.js";
import { exportDigests, RETENTION_MS, RUN_JOB } from "./service.js";

export const digestsModule = defineModule({
  name: "digests",
  routes: digestRoutes,
  adminRoutes: digestAdminRoutes,
  adminMenu: [{ href: "/admin/lettres", label: "Lettres d’actualité", action: "digests.view", order: 50 }],
  permissions: [{ action: "digests.view", grants: { editor: true } }],
  jobs: digestJobHandlers,
  // Every hour on the hour, Paris time; the last three hours are caught up after a stop.
  recurring: [
    { name: RUN_JOB, minute: 0, timeZone: TIME_ZONE, job: RUN_JOB, catchUp: 3 },
    // The outbox and the runs are kept 90 days.
    { name: "digests.purge", everyMs: 3600_000, run: (deps, now) => purgeOld(deps.db, new Date(now.getTime() - RETENTION_MS)) },
  ],
  mails,
  // settings and the digests still kept, in "Télécharger mes données"
  personalData: (deps, userId) => exportDigests(deps.db, userId),
});
