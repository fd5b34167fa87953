// What the accounts module offers to other modules.
export { personalFeed } from "./feed.js";
export { accountJobHandlers } from "./jobs.js";
export { rankForYou } from "./for-you.js";
export { createUserToken } from "./queries.js";
export { normaliseEmail, emailProblem } from "./validate.js";
