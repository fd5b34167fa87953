// The digests module's tables (migrations/20261210T000100-digests.sql), typed by augmenting
// core's Database (decision 0014).
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Frequency = "daily" | "weekly" | "off";
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "uncertain";

export interface DigestSubscriptionsTable {
  user_id: number;
  frequency: Generated<Frequency>;
  hour: Generated<number>;
  weekday: Generated<number>;
  with_interests: Generated<boolean>;
  with_favourites: Generated<boolean>;
  last_key: string | null;
  last_until: NullableTimestamp;
  bounced_at: NullableTimestamp;
  bounce_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DigestRunsTable {
  id: Generated<number>;
  period_start: Timestamp;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  examined: Generated<number>;
  queued: Generated<number>;
  empty: Generated<number>;
}

/**
 * Item ids of one digest: new content (ranked), updated favourite content, updated favourite
 * actions; and the resident's unread participation notices of the period, newest first (`p`,
 * at most MAX_NOTICES) with how many there were in all (`np`). Absent when there were none (and in
 * deliveries recorded before notices joined the digest).
 */
export interface DigestItems {
  n: number[];
  u: number[];
  a: number[];
  p?: number[];
  np?: number;
}

export interface DigestDeliveriesTable {
  id: Generated<number>;
  user_id: number;
  period_key: string;
  run_id: number | null;
  since: Timestamp;
  until: Timestamp;
  items: ColumnType<DigestItems | string, string, string>;
  total: number;
  status: Generated<DeliveryStatus>;
  sending_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  error: string | null;
  created_at: Timestamp;
}

export interface DigestKeysTable {
  id: number;
  secret: string;
}

declare module "../../core/db/schema.js" {
  interface Database {
    digest_subscriptions: DigestSubscriptionsTable;
    digest_runs: DigestRunsTable;
    digest_deliveries: DigestDeliveriesTable;
    digest_keys: DigestKeysTable;
  }
}
