// The shape of a job and of its handler (the queue is in queue.ts, its SQL in queries.ts).
import type { ColumnType } from "kysely";
import type { DB } from "../db/create-db.js";

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  /** Tries so far, this one included. */
  attempts: number;
  /** Tries this job gets before it gives up (5 unless enqueued with more). */
  maxAttempts: number;
}

// The columns migration 20261210T000000-job-keys.sql added to core's `jobs` table.
declare module "../db/schema.js" {
  interface JobsTable {
    /** Set for a job that must exist once at most (a recurring task's period); unique. */
    unique_key: string | null;
    max_attempts: ColumnType<number, number | undefined, number>;
  }
}

/**
 * Runs one job. A handler marked `erasePayload` has its job's payload replaced by `{}` once
 * the job is done or has given up: e-mails carry sign-in and reset links that must not
 * stay readable in the table for the 30 days finished jobs are kept.
 */
export type JobHandler = ((job: Job, ctx: { db: DB; now: Date }) => Promise<void>) & {
  erasePayload?: boolean;
  /** Longest wait between two tries (the backoff doubles from 30 s up to this); none by default. */
  maxRetryDelayMs?: number;
};

export const MAX_ATTEMPTS = 5;
export const LEASE_MS = 60_000;
