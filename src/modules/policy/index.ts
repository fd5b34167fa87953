// What the Politique de la Ville module offers to other modules.
export { neighbourhoodPolicy } from "./neighbourhood.js";
export { NeighbourhoodPolicyBlock } from "./views/neighbourhood.js";
export { FUNDERS, STATUSES, listActions, findAction, findActionDetails, actionExists, type ActionFilter } from "./queries.js";
// The actions last changed and the milestones done (the feeds module's Politique de la Ville feed).
export { feedEntries as policyFeedEntries } from "./queries.js";
export * as policyQueries from "./queries.js";
export { contractSummaries, parseActionQuery, type ActionQuery } from "./service.js";
// Every public page of the Politique de la Ville, with its last change (the sitemap module).
export { publicUrls as policyPublicUrls } from "./service.js";
export { countsInTotals, notCountedSql } from "./counting-rule.js";
export { FUNDER_LABELS, STATUS_LABELS, ORGANISATION_KINDS, actionCount, formatEuros, statusLabel } from "./present.js";
export { attention as policyAttention } from "./admin/queries.js";
/** The page-cache tags every back-office change drops (opendata's API answers carry them). */
export { POLICY_TAGS } from "./admin/service-common.js";
