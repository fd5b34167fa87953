// Page-cache tags of the proposals: their lists and pages, the neighbourhood and action pages
// that count them, and the open data.
export const PROPOSAL_TAGS = ["participation:proposals", "opendata"] as const;
export const proposalTag = (id: number) => `participation:proposal:${id}`;
