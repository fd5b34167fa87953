// Fixed-window rate limits stored in the database, so they hold across restarts and
// processes. A key ("signin:ip:1.2.3.4") may be hit `limit` times per window; the next
// hit is refused until the window ends. A person locked out by someone else's attempts
// waits at most one window (documented in docs/decisions/0006-accounts.md).
import type { DB } from "./db/create-db.js";
import { countHit, deleteWindowsBefore } from "./queries/rate-limits.js";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export async function hitRateLimit(db: DB, key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const row = await countHit(db, key, windowStart);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000));
  return { allowed: row.count <= rule.limit, retryAfterSeconds };
}

/** Removes windows that ended more than a day ago (called opportunistically). */
export async function purgeRateLimits(db: DB, now: Date): Promise<void> {
  await deleteWindowsBefore(db, new Date(now.getTime() - 86_400_000));
}

export class RateLimitedError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super("Too many requests");
    this.name = "RateLimitedError";
  }
}
