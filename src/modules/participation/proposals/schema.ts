// Kysely types of the proposals part of the participation module (migration
// 20261207T010000-participation-proposals.sql), added to the Database interface from here
// (decision 0014).
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const PROPOSAL_STATUSES = ["received", "under_study", "accepted", "rejected"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type ProposalModeration = "pending" | "visible" | "hidden";

export interface ProposalsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  neighbourhood_id: number;
  priority_id: number | null;
  author_id: number | null;
  organisation_id: number | null;
  assisted_by: number | null;
  assisted_by_name: string | null;
  resident_name: string | null;
  consent_at: NullableTimestamp;
  media_id: number | null;
  status: Generated<ProposalStatus>;
  answer: Generated<string>;
  action_id: number | null;
  answered_at: NullableTimestamp;
  answered_by: number | null;
  moderation: Generated<ProposalModeration>;
  moderation_reason: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProposalSupportsTable {
  id: Generated<number>;
  proposal_id: number;
  user_id: number | null;
  assisted_by: number | null;
  resident_name: string | null;
  created_at: Timestamp;
}

export interface ParticipationMembershipsTable {
  organisation_id: number;
  user_id: number;
  added_by: number | null;
  created_at: Timestamp;
}

declare module "../../../core/db/schema.js" {
  interface Database {
    proposals: ProposalsTable;
    proposal_supports: ProposalSupportsTable;
    participation_memberships: ParticipationMembershipsTable;
  }
}
