// The rules of a proposal that need no database: the status machine of the city's answer,
// the French labels, and the checks of what a resident types.
import type { ProposalStatus } from "./schema.js";

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  received: "Reçue",
  under_study: "À l’étude",
  accepted: "Retenue",
  rejected: "Non retenue",
};

/** The same words in URLs and forms (French), mapped to the stored values. */
export const STATUS_SLUGS: Record<string, ProposalStatus> = {
  recue: "received",
  "a-l-etude": "under_study",
  retenue: "accepted",
  "non-retenue": "rejected",
};
export const SLUG_OF_STATUS: Record<ProposalStatus, string> = {
  received: "recue",
  under_study: "a-l-etude",
  accepted: "retenue",
  rejected: "non-retenue",
};

/**
 * Where an answer may go from each status. A decision (retenue, non retenue) can be reopened
 * for study; nothing goes back to "reçue" once studied. Staying in the same status is allowed
 * (to correct the answer text or the action a retained idea became).
 */
const NEXT: Record<ProposalStatus, readonly ProposalStatus[]> = {
  received: ["under_study", "accepted", "rejected"],
  under_study: ["accepted", "rejected"],
  accepted: ["under_study"],
  rejected: ["under_study"],
};

export function canMove(from: ProposalStatus, to: ProposalStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

export function nextStatuses(from: ProposalStatus): ProposalStatus[] {
  return [from, ...NEXT[from]];
}

/** Supports are taken while the city has not decided. */
export function isOpen(status: ProposalStatus): boolean {
  return status === "received" || status === "under_study";
}

export const TITLE_MIN = 5;
export const TITLE_MAX = 150;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;
export const ANSWER_MAX = 3000;
export const REASON_MIN = 10;
export const RESIDENT_NAME_MAX = 80;
/** Links a description may hold from an account younger than NEW_ACCOUNT_DAYS (spam). */
export const NEW_ACCOUNT_LINKS = 1;
export const NEW_ACCOUNT_DAYS = 7;

/** Proposals per account per day, and per address (several people may share one). */
export const PER_ACCOUNT_PER_DAY = 5;
export const PER_IP_PER_DAY = 20;

export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\./gi) ?? []).length;
}

/** Collapses runs of spaces in a one-line value and trims it. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Trims a multi-line text, keeps paragraph breaks (at most one empty line), drops control characters. */
export function multiLine(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[^\P{Cc}\n\t]/gu, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
