// Helpers of the digest tests: residents who consented, an hour of the scheduler and the
// queue on the test clock, the digests received.
import type { DB } from "../src/core/db/create-db.js";
import type { AppDeps } from "../src/core/deps.js";
import { runDueJobs } from "../src/core/jobs/queue.js";
import { enqueueDuePeriods } from "../src/core/jobs/schedule.js";
import { allJobHandlers, isHourly } from "../src/jobs.js";

let n = 0;

export interface SubscriberOptions {
  frequency?: "daily" | "weekly" | "off";
  hour?: number;
  weekday?: number;
  themeIds?: number[];
  neighbourhoodIds?: number[];
  displayName?: string;
  consent?: boolean;
  /** When consent was given (default: long ago). */
  consentAt?: Date;
  email?: string;
  /** false: no digest_subscriptions row (the defaults apply). */
  row?: boolean;
}

export async function createSubscriber(db: DB, o: SubscriberOptions = {}) {
  const email = o.email ?? `lettre${++n}-${process.pid}-${Math.floor(Math.random() * 1e9)}@exemple.fr`;
  const consentAt = o.consentAt ?? new Date("2020-01-01T00:00:00Z");
  const user = await db
    .insertInto("users")
    .values({
      email,
      password_hash: "x",
      display_name: o.displayName ?? "Samia",
      email_verified_at: consentAt,
      digest_consent: o.consent ?? true,
      digest_consent_at: o.consent === false ? null : consentAt,
      created_at: consentAt,
      updated_at: consentAt,
      password_changed_at: consentAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (o.themeIds?.length)
    await db
      .insertInto("user_themes")
      .values(o.themeIds.map((theme_id) => ({ user_id: user.id, theme_id, created_at: consentAt })))
      .execute();
  if (o.neighbourhoodIds?.length) {
    await db
      .insertInto("user_neighbourhoods")
      .values(o.neighbourhoodIds.map((neighbourhood_id) => ({ user_id: user.id, neighbourhood_id, created_at: consentAt })))
      .execute();
  }
  if (o.row !== false) {
    await db
      .insertInto("digest_subscriptions")
      .values({ user_id: user.id, frequency: o.frequency ?? "daily", hour: o.hour ?? 8, weekday: o.weekday ?? 1, created_at: consentAt, updated_at: consentAt })
      .execute();
  }
  return { id: user.id, email };
}

/** Every job due at the clock's time, until none is left (retries wait for their time). */
export async function drain(deps: AppDeps, db: DB, clock: () => Date): Promise<{ done: number; failed: number }> {
  const handlers = allJobHandlers(deps);
  const total = { done: 0, failed: 0 };
  for (;;) {
    const r = await runDueJobs(db, handlers, clock, 50);
    total.done += r.done;
    total.failed += r.failed;
    if (r.done + r.failed === 0) return total;
  }
}

/** What a process does at `at`: the scheduler asks for the current periods, the worker runs what is due. */
export async function tick(deps: AppDeps, db: DB, clock: { now: Date }, at: Date) {
  clock.now = at;
  await enqueueDuePeriods(db, deps.modules.recurring().filter(isHourly), at);
  return drain(deps, db, () => clock.now);
}
