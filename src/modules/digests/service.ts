// The digests' use cases: a resident's settings, the unsubscribe link, and the hourly run
// that decides who gets which digest and queues it (decision 0016). Sending is delivery.ts.
import type { AppDeps } from "../../core/deps.js";
import type { DB } from "../../core/db/create-db.js";
import { ValidationError } from "../../core/errors.js";
import { enqueueMany, renewLease } from "../../core/jobs/queue.js";
import { unreadNoticesBetween } from "../participation/index.js";
import { composeDigest, ItemIndex } from "./compose.js";
import { LOOKBACK_MS, localMoment } from "./period.js";
import * as q from "./queries.js";
import type { Frequency } from "./schema.js";
import { verifyUnsubscribeToken } from "./token.js";

export const RUN_JOB = "digests.run";
export const SEND_JOB = "digests.send";
/** A digest survives a mail server down for hours: 12 tries, at most 30 min apart (about 4 h in all). */
export const SEND_MAX_ATTEMPTS = 12;
export const SEND_MAX_DELAY_MS = 30 * 60_000;
/** How long deliveries and runs are kept (the back office, the outbox's history). */
export const RETENTION_MS = 90 * 86_400_000;
/** Subscribers composed and recorded per transaction. */
export const BATCH = 1000;
/** No digest looks further back than this, whatever the pause. */
const MAX_LOOKBACK_MS = 7 * 86_400_000;

export const DEFAULTS: q.SettingsRow = { frequency: "weekly", hour: 8, weekday: 1, withInterests: true, withFavourites: true };

// ---- settings

export interface SettingsView extends q.SettingsRow {
  consent: boolean;
  verified: boolean;
  bounced: { at: Date; reason: string } | null;
}

export async function settingsOf(db: DB, userId: number): Promise<SettingsView> {
  const [user, row] = await Promise.all([q.findRecipient(db, userId), q.findSubscription(db, userId)]);
  const settings: q.SettingsRow = row
    ? { frequency: row.frequency, hour: row.hour, weekday: row.weekday, withInterests: row.with_interests, withFavourites: row.with_favourites }
    : DEFAULTS;
  return {
    ...settings,
    consent: user?.digest_consent ?? false,
    verified: !!user?.email_verified_at,
    bounced: row?.bounced_at ? { at: row.bounced_at, reason: row.bounce_reason ?? "" } : null,
  };
}

/**
 * The module's part of "Télécharger mes données": the settings in force (the defaults when the
 * person never saved the form) and the digests still kept (90 days), without their content.
 */
export async function exportDigests(db: DB, userId: number) {
  const [settings, deliveries] = await Promise.all([settingsOf(db, userId), q.deliveriesOf(db, userId)]);
  return {
    digest: {
      frequency: settings.frequency,
      hour: settings.hour,
      weekday: settings.weekday,
      withInterests: settings.withInterests,
      withFavourites: settings.withFavourites,
      bounced: settings.bounced,
      sent: deliveries.map((d) => ({
        period: d.period_key,
        from: d.since,
        until: d.until,
        items: d.total,
        status: d.status,
        sentAt: d.sent_at,
        error: d.error,
      })),
    },
  };
}

export const FREQUENCY_FIELDS: Record<string, Frequency> = { quotidienne: "daily", hebdomadaire: "weekly", desactivee: "off" };

export interface SettingsInput {
  frequence: string;
  heure: string;
  jour: string;
  interets: boolean;
  favoris: boolean;
}

/** Checks and saves the form; ValidationError (French messages) on a bad value. */
export async function saveSettings(deps: Pick<AppDeps, "db" | "now">, userId: number, input: SettingsInput): Promise<void> {
  const errors: Record<string, string> = {};
  const frequency = FREQUENCY_FIELDS[input.frequence];
  if (!frequency) errors.frequence = "Choisissez la fréquence de la lettre.";
  const hour = /^[0-9]{1,2}$/.test(input.heure) ? Number(input.heure) : -1;
  if (hour < 0 || hour > 23) errors.heure = "Choisissez une heure entre 0 h et 23 h.";
  const weekday = /^[1-7]$/.test(input.jour) ? Number(input.jour) : 0;
  if (weekday === 0) errors.jour = "Choisissez un jour de la semaine.";
  if (frequency && frequency !== "off" && !input.interets && !input.favoris) {
    errors.interets = "Choisissez au moins une source : vos thèmes et quartiers, ou vos favoris.";
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, "Invalid digest settings", input);
  await q.saveSubscription(deps.db, userId, { frequency: frequency!, hour, weekday, withInterests: input.interets, withFavourites: input.favoris }, deps.now());
}

// ---- unsubscribe (no session: the signed token is the authority)

export async function unsubscribeTarget(db: DB, token: string) {
  const userId = await verifyUnsubscribeToken(db, token);
  if (userId === null) return null;
  const user = await q.findRecipient(db, userId);
  if (!user) return null;
  const settings = await settingsOf(db, userId);
  return { userId, frequency: settings.frequency };
}

export async function changeFrequencyByLink(deps: Pick<AppDeps, "db" | "now">, userId: number, frequency: Frequency): Promise<void> {
  await q.setFrequency(deps.db, userId, frequency, deps.now());
}

// ---- the hourly run

export interface RunResult {
  runId: number;
  examined: number;
  queued: number;
  empty: number;
}

/**
 * Composes and queues the digests due at `periodStart` (the start of a local hour): batch by
 * batch, each batch one transaction holding its deliveries (the outbox, unique per resident
 * and period), their send jobs and the residents' last period. A run stopped half-way and
 * run again (its job retried, or a second process) finds the recorded residents no longer
 * due and inserts no second delivery.
 */
export async function runDigests(
  deps: Pick<AppDeps, "db" | "jobSignal">,
  periodStart: Date,
  opts: { clock: () => Date; jobId?: number; batch?: number },
): Promise<RunResult> {
  const db = deps.db;
  const until = periodStart;
  const at = localMoment(periodStart);
  const runId = await q.startRun(db, periodStart, opts.clock());
  const index = new ItemIndex(await q.publishedBetween(db, new Date(until.getTime() - MAX_LOOKBACK_MS), until), until);
  const total: RunResult = { runId, examined: 0, queued: 0, empty: 0 };
  // Everyone due, in one scan (a few bytes each); then batch by batch.
  const due = await q.dueSubscribers(db, at);
  const size = opts.batch ?? BATCH;
  for (let start = 0; start < due.length; start += size) {
    const rows = due.slice(start, start + size);
    const userIds = rows.map((r) => r.id);
    const sinceOf = new Map<number, Date>();
    for (const r of rows) {
      const lookback = LOOKBACK_MS[r.frequency === "daily" ? "daily" : "weekly"];
      const first = Math.max(until.getTime() - lookback, r.digest_consent_at?.getTime() ?? 0);
      sinceOf.set(r.id, new Date(Math.max(r.last_until?.getTime() ?? first, until.getTime() - MAX_LOOKBACK_MS)));
    }
    const from = new Date(Math.min(...[...sinceOf.values()].map((d) => d.getTime())));
    const [interests, content, actions, notices] = await Promise.all([
      q.interestsOf(db, userIds),
      q.updatedFavouriteContent(db, userIds, from, until),
      q.updatedFavouriteActions(db, userIds, from, until),
      // the residents' unread participation notices (participation's index.ts)
      unreadNoticesBetween(db, userIds, from, until),
    ]);
    const group = <T extends { user_id: number }>(list: readonly T[]) => {
      const m = new Map<number, T[]>();
      for (const x of list) {
        const l = m.get(x.user_id);
        if (l) l.push(x);
        else m.set(x.user_id, [x]);
      }
      return m;
    };
    const themes = group(interests.themes);
    const places = group(interests.places);
    const contentBy = group(content);
    const actionsBy = group(actions);
    const noticesBy = group(notices);
    const deliveries: q.NewDelivery[] = [];
    const served: { userId: number; periodKey: string; until: Date }[] = [];
    for (const r of rows) {
      const since = sinceOf.get(r.id)!;
      const periodKey = r.frequency === "daily" ? at.dayKey : at.weekKey;
      const after = (d: Date) => d.getTime() > since.getTime();
      const digest = composeDigest(index, {
        themeIds: (themes.get(r.id) ?? []).map((t) => t.theme_id),
        placeIds: (places.get(r.id) ?? []).map((p) => p.neighbourhood_id),
        withInterests: r.with_interests,
        withFavourites: r.with_favourites,
        since,
        until,
        updatedContent: (contentBy.get(r.id) ?? []).filter((c) => after(c.updated_at)).map((c) => ({ id: c.id, publishedAt: c.published_at })),
        updatedActions: (actionsBy.get(r.id) ?? []).filter((a) => after(a.updated_at)).map((a) => a.id),
        notices: (noticesBy.get(r.id) ?? []).filter((n) => after(n.created_at)).map((n) => ({ id: n.id, createdAt: n.created_at })),
      });
      served.push({ userId: r.id, periodKey, until });
      // Nothing new: nothing sent, and the next digest starts from here all the same.
      if (digest.total > 0) deliveries.push({ userId: r.id, periodKey, since, until, items: digest.items, total: digest.total });
    }
    const queued = await db.transaction().execute(async (trx) => {
      const now = opts.clock();
      const ids = await q.recordBatch(trx, runId, deliveries, served, now);
      await enqueueMany(
        trx,
        SEND_JOB,
        ids.map((id) => ({ delivery: id })),
        now,
        { maxAttempts: SEND_MAX_ATTEMPTS },
      );
      await q.countIntoRun(trx, runId, rows.length, ids.length, rows.length - deliveries.length);
      return ids.length;
    });
    total.examined += rows.length;
    total.queued += queued;
    total.empty += rows.length - deliveries.length;
    if (queued > 0) deps.jobSignal.wake();
    if (opts.jobId !== undefined) await renewLease(db, opts.jobId, opts.clock());
  }
  await q.finishRun(db, runId, opts.clock());
  return total;
}
