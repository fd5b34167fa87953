// What the feeds module offers to other modules: the <link rel="alternate"> of the pages that
// have a feed (its manifest is in manifest.ts).
export { feedAlternates, feedPath, FEED_TYPES, type FeedAlternate, type FeedFormat } from "./links.js";
