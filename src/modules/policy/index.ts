// What the Politique de la Ville module offers to other modules.
export { neighbourhoodPolicy } from "./neighbourhood.js";
export { NeighbourhoodPolicyBlock } from "./views/neighbourhood.js";
export { FUNDERS, STATUSES, listActions, findAction, findActionDetails, type ActionFilter } from "./queries.js";
export * as policyQueries from "./queries.js";
export { parseActionQuery, type ActionQuery } from "./service.js";
export { FUNDER_LABELS, STATUS_LABELS, ORGANISATION_KINDS, formatEuros, statusLabel } from "./present.js";
export { attention as policyAttention } from "./admin/queries.js";
