// What the participation module offers to other modules (its routes are in manifest.ts).
// The comments block that action and neighbourhood pages show (policy, content): the route
// loads it with loadCommentSection (its cache tags come with it) and renders CommentSection.
export { loadCommentSection } from "./comments/section.js";
export { articleOpenForComments } from "./comments/service.js";
export { CommentSection, type CommentSectionModel } from "./comments/views.js";
// The ideas as open data (the opendata module publishes them: /donnees/idees.csv, /api/v1/idees).
export { proposalPublicUrls, proposalsApi, proposalsCsv } from "./proposals/opendata.js";
export { proposalStats } from "./proposals/queries.js";
// The ideas block of quartier pages (content) and action pages (policy), loaded with its cache tag.
export { loadProposalBlock, ProposalBlock, type ProposalBlockModel } from "./proposals/block.js";
// The account's data export and erasure (accounts module).
export { eraseParticipation, dropErasedPages } from "./rgpd.js";
// The resident's unread notices of a digest's period, and their text at sending (digests module).
export { unreadNoticesBetween, noticesForDigest, INBOX_PATH, type DigestNotice } from "./notifications/digest.js";
