// The shape of a job and of its handler (the queue is in queue.ts, its SQL in queries.ts).
import type { DB } from "../db/create-db.js";

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

/**
 * Runs one job. A handler marked `erasePayload` has its job's payload replaced by `{}` once
 * the job is done or has given up: e-mails carry sign-in and reset links that must not
 * stay readable in the table for the 30 days finished jobs are kept.
 */
export type JobHandler = ((job: Job, ctx: { db: DB; now: Date }) => Promise<void>) & { erasePayload?: boolean };

export const MAX_ATTEMPTS = 5;
export const LEASE_MS = 60_000;
