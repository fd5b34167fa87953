// Every SQL statement of the digests module. Its own tables: digest_subscriptions, digest_runs,
// digest_deliveries, digest_keys. Reads joined from other modules' tables, for the digests'
// contents and recipients (decision 0014: read beside our rows, never written): users (consent,
// address), user_themes / user_neighbourhoods (interests), favourites, content_items with
// content_themes / content_neighbourhoods (published in a window), actions (updated_at).
import { sql } from "kysely";
import type { DB } from "../../core/db/create-db.js";
import type { DeliveryStatus, DigestItems, Frequency } from "./schema.js";

// ---- signing key

export async function insertSecretIfMissing(db: DB, secret: string): Promise<void> {
  await db
    .insertInto("digest_keys")
    .values({ id: 1, secret })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

export async function readSecret(db: DB): Promise<string> {
  const row = await db.selectFrom("digest_keys").select("secret").where("id", "=", 1).executeTakeFirstOrThrow();
  return row.secret;
}

// ---- subscriptions

export async function findSubscription(db: DB, userId: number) {
  return db.selectFrom("digest_subscriptions").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** The account facts the settings page and the unsubscribe page need. */
/** The person's digests still kept (90 days), newest first, for the RGPD export. */
export async function deliveriesOf(db: DB, userId: number) {
  return db
    .selectFrom("digest_deliveries")
    .select(["period_key", "since", "until", "total", "status", "sent_at", "error"])
    .where("user_id", "=", userId)
    .orderBy("since", "desc")
    .execute();
}

export async function findRecipient(db: DB, userId: number) {
  return db.selectFrom("users").select(["id", "email", "display_name", "digest_consent", "email_verified_at"]).where("id", "=", userId).executeTakeFirst();
}

export interface SettingsRow {
  frequency: Frequency;
  hour: number;
  weekday: number;
  withInterests: boolean;
  withFavourites: boolean;
}

/** Saves a resident's settings; saving also clears a bounce (they may have fixed their address). */
export async function saveSubscription(db: DB, userId: number, s: SettingsRow, now: Date): Promise<void> {
  const values = {
    frequency: s.frequency,
    hour: s.hour,
    weekday: s.weekday,
    with_interests: s.withInterests,
    with_favourites: s.withFavourites,
    bounced_at: null,
    bounce_reason: null,
    updated_at: now,
  };
  await db
    .insertInto("digest_subscriptions")
    .values({ user_id: userId, ...values, created_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

/** Changes only the frequency (the unsubscribe page), creating the row with defaults if needed. */
export async function setFrequency(db: DB, userId: number, frequency: Frequency, now: Date): Promise<void> {
  await db
    .insertInto("digest_subscriptions")
    .values({ user_id: userId, frequency, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ frequency, updated_at: now }))
    .execute();
}

export async function markBounced(db: DB, userId: number, reason: string, now: Date): Promise<void> {
  await db
    .insertInto("digest_subscriptions")
    .values({ user_id: userId, bounced_at: now, bounce_reason: reason, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ bounced_at: now, bounce_reason: reason, updated_at: now }))
    .execute();
}

// ---- a run: who is due, and what they follow

export interface DueQuery {
  hour: number;
  weekday: number;
  dayKey: string;
  weekKey: string;
}

export interface DueRow {
  id: number;
  frequency: Frequency;
  with_interests: boolean;
  with_favourites: boolean;
  last_until: Date | null;
  digest_consent_at: Date | null;
}

/**
 * Residents whose digest is due at that local hour (period.ts duePeriod, in SQL): consented,
 * address confirmed, not bounced, frequency not off, hour (and weekday) reached, and no digest
 * yet for this day or week. A row missing from digest_subscriptions means the defaults
 * (weekly, Monday, 8 h). All of them, by user id, in one scan (the run then works in batches).
 */
export async function dueSubscribers(db: DB, q: DueQuery): Promise<DueRow[]> {
  const result = await sql<DueRow>`
    select u.id, coalesce(s.frequency, 'weekly') as frequency,
      coalesce(s.with_interests, true) as with_interests, coalesce(s.with_favourites, true) as with_favourites,
      s.last_until, u.digest_consent_at
    from users u
    left join digest_subscriptions s on s.user_id = u.id
    where u.digest_consent and u.email_verified_at is not null
      and s.bounced_at is null
      and (
        (coalesce(s.frequency, 'weekly') = 'daily' and coalesce(s.hour, 8) <= ${q.hour}
          and s.last_key is distinct from ${q.dayKey})
        or (coalesce(s.frequency, 'weekly') = 'weekly'
          and (coalesce(s.weekday, 1) < ${q.weekday} or (coalesce(s.weekday, 1) = ${q.weekday} and coalesce(s.hour, 8) <= ${q.hour}))
          and s.last_key is distinct from ${q.weekKey})
      )
    order by u.id`.execute(db);
  return result.rows.map((r) => ({ ...r, last_until: r.last_until ? new Date(r.last_until) : null }));
}

export async function interestsOf(db: DB, userIds: readonly number[]) {
  if (userIds.length === 0) return { themes: [], places: [] };
  const [themes, places] = await Promise.all([
    db.selectFrom("user_themes").select(["user_id", "theme_id"]).where("user_id", "in", userIds).execute(),
    db.selectFrom("user_neighbourhoods").select(["user_id", "neighbourhood_id"]).where("user_id", "in", userIds).execute(),
  ]);
  return { themes, places };
}

export interface WindowItem {
  id: number;
  published_at: Date;
  theme_ids: number[];
  neighbourhood_ids: number[];
}

/** Content published in (from, until], with its themes and places: the candidates of a run. */
export async function publishedBetween(db: DB, from: Date, until: Date): Promise<WindowItem[]> {
  const result = await sql<WindowItem>`
    select c.id, c.published_at,
      coalesce((select array_agg(theme_id order by theme_id) from content_themes where content_id = c.id), '{}') as theme_ids,
      coalesce((select array_agg(neighbourhood_id order by neighbourhood_id) from content_neighbourhoods where content_id = c.id), '{}') as neighbourhood_ids
    from content_items c
    where c.status = 'published' and c.published_at > ${from} and c.published_at <= ${until}
    order by c.published_at desc, c.id desc`.execute(db);
  return result.rows.map((r) => ({ ...r, published_at: new Date(r.published_at) }));
}

/** Favourite content changed in (from, until] after it was published, by user. */
export async function updatedFavouriteContent(db: DB, userIds: readonly number[], from: Date, until: Date) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("favourites as f")
    .innerJoin("content_items as c", "c.id", "f.content_id")
    .select(["f.user_id", "c.id", "c.updated_at", "c.published_at"])
    .where("f.user_id", "in", userIds)
    .where("c.status", "=", "published")
    .where("c.updated_at", ">", from)
    .where("c.updated_at", "<=", until)
    .execute();
  return rows.map((r) => ({ ...r, updated_at: new Date(r.updated_at), published_at: r.published_at ? new Date(r.published_at) : null }));
}

/** Favourite actions changed in (from, until] (status, progress, milestones, text), by user. */
export async function updatedFavouriteActions(db: DB, userIds: readonly number[], from: Date, until: Date) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("favourites as f")
    .innerJoin("actions as a", "a.id", "f.action_id")
    .select(["f.user_id", "a.id", "a.updated_at"])
    .where("f.user_id", "in", userIds)
    .where("a.updated_at", ">", from)
    .where("a.updated_at", "<=", until)
    .execute();
  return rows.map((r) => ({ ...r, updated_at: new Date(r.updated_at) }));
}

// ---- the outbox

export interface NewDelivery {
  userId: number;
  periodKey: string;
  since: Date;
  until: Date;
  items: DigestItems;
  total: number;
}

/**
 * Records a batch in one transaction (the caller's): the deliveries with something to send
 * (one per user and period: a second run of the same batch inserts nothing), and every
 * examined subscriber's last period, so they are no longer due. Returns the new deliveries' ids.
 */
export async function recordBatch(
  trx: DB,
  runId: number,
  deliveries: readonly NewDelivery[],
  served: readonly { userId: number; periodKey: string; until: Date }[],
  now: Date,
): Promise<number[]> {
  let ids: number[] = [];
  if (deliveries.length > 0) {
    const rows = await trx
      .insertInto("digest_deliveries")
      .values(
        deliveries.map((d) => ({
          user_id: d.userId,
          period_key: d.periodKey,
          run_id: runId,
          since: d.since,
          until: d.until,
          items: JSON.stringify(d.items),
          total: d.total,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(["user_id", "period_key"]).doNothing())
      .returning("id")
      .execute();
    ids = rows.map((r) => r.id);
  }
  if (served.length > 0) {
    await trx
      .insertInto("digest_subscriptions")
      .values(served.map((s) => ({ user_id: s.userId, last_key: s.periodKey, last_until: s.until, created_at: now, updated_at: now })))
      .onConflict((oc) => oc.column("user_id").doUpdateSet((eb) => ({ last_key: eb.ref("excluded.last_key"), last_until: eb.ref("excluded.last_until") })))
      .execute();
  }
  return ids;
}

export async function startRun(db: DB, periodStart: Date, now: Date): Promise<number> {
  await db
    .insertInto("digest_runs")
    .values({ period_start: periodStart, started_at: now })
    .onConflict((oc) => oc.column("period_start").doNothing())
    .execute();
  const row = await db.selectFrom("digest_runs").select("id").where("period_start", "=", periodStart).executeTakeFirstOrThrow();
  return row.id;
}

export async function countIntoRun(trx: DB, runId: number, examined: number, queued: number, empty: number): Promise<void> {
  await trx
    .updateTable("digest_runs")
    .set((eb) => ({ examined: eb("examined", "+", examined), queued: eb("queued", "+", queued), empty: eb("empty", "+", empty) }))
    .where("id", "=", runId)
    .execute();
}

export async function finishRun(db: DB, runId: number, now: Date): Promise<void> {
  await db.updateTable("digest_runs").set({ finished_at: now }).where("id", "=", runId).execute();
}

// ---- sending one delivery

export async function findDelivery(db: DB, id: number) {
  const row = await db
    .selectFrom("digest_deliveries as d")
    .innerJoin("users as u", "u.id", "d.user_id")
    .select(["d.id", "d.user_id", "d.period_key", "d.since", "d.until", "d.items", "d.total", "d.status", "u.email", "u.display_name", "u.digest_consent"])
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const items = (typeof row.items === "string" ? JSON.parse(row.items) : row.items) as DigestItems;
  return { ...row, items };
}

/** pending -> sending, if still pending: the one place that lets a message go (two workers: one wins). */
export async function claimDelivery(db: DB, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("digest_deliveries")
    .set({ status: "sending", sending_at: now })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a delivery: from `from` to `to`, with an error or none. */
export async function settleDelivery(
  db: DB,
  id: number,
  from: readonly DeliveryStatus[],
  to: DeliveryStatus,
  opts: { at: Date; error?: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable("digest_deliveries")
    .set({ status: to, error: opts.error ?? null, ...(to === "sent" ? { sent_at: opts.at } : {}) })
    .where("id", "=", id)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- back office (counts, never who, except the addresses that failed)

export async function subscriptionCounts(db: DB) {
  const result = await sql<{ frequency: string; n: number | string }>`
    select coalesce(s.frequency, 'weekly') as frequency, count(*) as n
    from users u left join digest_subscriptions s on s.user_id = u.id
    where u.digest_consent and u.email_verified_at is not null and s.bounced_at is null
    group by 1`.execute(db);
  return result.rows.map((r) => ({ frequency: r.frequency as Frequency, n: Number(r.n) }));
}

export async function recentRuns(db: DB, limit = 30) {
  const result = await sql<{
    id: number;
    period_start: Date;
    started_at: Date;
    finished_at: Date | null;
    examined: number;
    queued: number;
    empty: number;
    sent: number | string;
    pending: number | string;
    failed: number | string;
    uncertain: number | string;
  }>`
    select r.id, r.period_start, r.started_at, r.finished_at, r.examined, r.queued, r.empty,
      count(d.id) filter (where d.status = 'sent') as sent,
      count(d.id) filter (where d.status in ('pending', 'sending')) as pending,
      count(d.id) filter (where d.status = 'failed') as failed,
      count(d.id) filter (where d.status = 'uncertain') as uncertain
    from (select * from digest_runs order by period_start desc limit ${limit}) r
    left join digest_deliveries d on d.run_id = r.id
    group by r.id, r.period_start, r.started_at, r.finished_at, r.examined, r.queued, r.empty
    order by r.period_start desc`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    period_start: new Date(r.period_start),
    sent: Number(r.sent),
    pending: Number(r.pending),
    failed: Number(r.failed),
    uncertain: Number(r.uncertain),
  }));
}

export async function bouncedAddresses(db: DB, limit = 200) {
  return db
    .selectFrom("digest_subscriptions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.email", "s.bounced_at", "s.bounce_reason"])
    .where("s.bounced_at", "is not", null)
    .orderBy("s.bounced_at", "desc")
    .limit(limit)
    .execute();
}

/** Deliveries that may or may not have arrived (a crash during the SMTP exchange). */
export async function uncertainDeliveries(db: DB, limit = 100) {
  return db
    .selectFrom("digest_deliveries as d")
    .innerJoin("users as u", "u.id", "d.user_id")
    .select(["u.email", "d.period_key", "d.sending_at", "d.error"])
    .where("d.status", "=", "uncertain")
    .orderBy("d.sending_at", "desc")
    .limit(limit)
    .execute();
}

/** The favourite actions a digest names, with what it shows of them (a read of policy's `actions`). */
export async function actionsByIds(db: DB, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("actions").select(["id", "slug", "title", "status", "progress"]).where("id", "in", ids).execute();
}

// ---- retention

/**
 * Deliveries and runs older than `before`: the outbox keeps 90 days (the back office shows the
 * last 30 runs). A resident's last period lives on their subscription, not here.
 */
export async function purgeOld(db: DB, before: Date): Promise<{ deliveries: number; runs: number }> {
  const d = await db.deleteFrom("digest_deliveries").where("created_at", "<", before).where("status", "in", ["sent", "failed", "uncertain"]).executeTakeFirst();
  const r = await db
    .deleteFrom("digest_runs")
    .where("period_start", "<", before)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("digest_deliveries as dd").select("dd.id").whereRef("dd.run_id", "=", "digest_runs.id"))))
    .executeTakeFirst();
  return { deliveries: Number(d.numDeletedRows), runs: Number(r.numDeletedRows) };
}
