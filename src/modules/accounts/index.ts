// What the accounts module offers to other modules.
export { personalFeed } from "./feed.js";
export { rankForYou } from "./for-you.js";
