// Kysely types of the comments, moderation and notifications part of the participation module
// (migration 20261207T000000-participation-comments.sql), added to the Database interface from
// here (decision 0014).
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** What the moderation left visible: shared by comments and proposals. */
export type Moderation = "pending" | "visible" | "hidden";
export type CommentTargetKind = "action" | "neighbourhood" | "article";
export type QueueReason = "premoderation" | "reports";
export type NotificationKind = "reply" | "moderation" | "follow" | "answer" | "block";

export interface ParticipationSpacesTable {
  space: string;
  premoderation: Generated<boolean>;
  report_threshold: Generated<number>;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface ParticipationCommentsTable {
  id: Generated<number>;
  target_kind: CommentTargetKind;
  target_id: number;
  parent_id: number | null;
  author_id: number | null;
  neighbourhood_id: number | null;
  /** Posted on behalf of an organisation the author is a member of (migration 20261207T030000). */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  body: string;
  fingerprint: Generated<string>;
  moderation: Generated<Moderation>;
  moderation_reason: Generated<string>;
  created_at: Timestamp;
  edited_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
}

export interface ParticipationReportsTable {
  id: Generated<number>;
  target_kind: string;
  target_id: number;
  reporter_id: number;
  reason: string;
  created_at: Timestamp;
  resolved_at: NullableTimestamp;
}

export interface ParticipationQueueTable {
  target_kind: string;
  target_id: number;
  why: QueueReason;
  queued_at: Timestamp;
}

export interface ParticipationBlocksTable {
  id: Generated<number>;
  user_id: number;
  blocked_until: ColumnType<Date, Date | string, Date | string>;
  reason: string;
  blocked_by: number | null;
  created_at: Timestamp;
  lifted_at: NullableTimestamp;
}

export interface ParticipationNotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  message: string;
  href: Generated<string>;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface ParticipationOpenArticlesTable {
  content_id: number;
  opened_by: number | null;
  opened_at: Timestamp;
}

declare module "../../../core/db/schema.js" {
  interface Database {
    participation_spaces: ParticipationSpacesTable;
    participation_comments: ParticipationCommentsTable;
    participation_reports: ParticipationReportsTable;
    participation_queue: ParticipationQueueTable;
    participation_blocks: ParticipationBlocksTable;
    participation_notifications: ParticipationNotificationsTable;
    participation_open_articles: ParticipationOpenArticlesTable;
  }
}
