import { personalCacheOf } from "../../core/http/personal-cache.js";
import { defineModule } from "../../core/module.js";
import { accountRoutes } from "./account-routes.js";
import { accountJobHandlers } from "./jobs.js";
import { mails } from "./mails.js";
import { followedNeighbourhoods } from "./queries.js";
import { purgeAccountLinks } from "./housekeeping.js";
import { authRoutes } from "./routes.js";

export const accountsModule = defineModule({
  name: "accounts",
  routes: async (app) => {
    await app.register(authRoutes);
    await app.register(accountRoutes);
  },
  // A reset request is looked up and mailed at once (the form only queues it).
  deliveryJobs: accountJobHandlers,
  mails,
  recurring: [{ name: "accounts.purge", everyMs: 3600_000, run: (deps, now) => purgeAccountLinks(deps.db, now) }],
  // Kept per person until their interests change (user_neighbourhoods bumps users.personal_version).
  viewerFacts: async (deps, userId) => {
    const load = () => followedNeighbourhoods(deps.db, userId);
    const cache = personalCacheOf(deps.db);
    return { followed: await (cache ? cache.remember(userId, "accounts.followed", load, { weight: (s) => s.size }) : load()) };
  },
});
