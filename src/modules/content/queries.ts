// Temporary: accounts and policy imported these from here before content/index.ts offered
// them. Delete this file once nothing outside content imports "content/queries.js".
export { findFeedCandidates, findItemsByIds } from "./queries/items.js";
