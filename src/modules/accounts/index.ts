// What the accounts module offers to other modules (its routes are in manifest.ts). Nothing
// here may import the favourites module, which uses this file (no import circle).
export { personalFeed } from "./feed.js";
export { accountJobHandlers } from "./jobs.js";
export { rankForYou, FRESHNESS_DAYS } from "./for-you.js";
export { createUserToken } from "./queries.js";
export { normaliseEmail, emailProblem, displayNameProblem } from "./validate.js";
export { requireSession } from "./require-session.js";
export { AccountFrame } from "./views/frame.js";
