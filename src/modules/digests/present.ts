// Digest settings and back-office figures -> what the pages show (French labels, explicit fields).
import { formatDateTime } from "../../lib/format.js";
import type { bouncedAddresses, recentRuns, subscriptionCounts, uncertainDeliveries } from "./queries.js";
import type { Frequency } from "./schema.js";
import type { SettingsView } from "./service.js";

export const FREQUENCY_VALUES: Record<Frequency, string> = { daily: "quotidienne", weekly: "hebdomadaire", off: "desactivee" };
export const FREQUENCY_LABELS: Record<Frequency, string> = { daily: "Quotidienne", weekly: "Hebdomadaire", off: "Désactivée" };
export const WEEKDAY_LABELS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

export interface SettingsFormValues {
  frequence: string;
  heure: string;
  jour: string;
  interets: boolean;
  favoris: boolean;
}

export function formValues(s: SettingsView): SettingsFormValues {
  return { frequence: FREQUENCY_VALUES[s.frequency], heure: String(s.hour), jour: String(s.weekday), interets: s.withInterests, favoris: s.withFavourites };
}

export interface SettingsPageView {
  consent: boolean;
  verified: boolean;
  bounced: { at: string; reason: string } | null;
  /** A sentence saying when the next digest leaves, or null when off. */
  summary: string | null;
}

export function presentSettings(s: SettingsView): SettingsPageView {
  const hour = `${s.hour} h`;
  const summary =
    s.frequency === "daily"
      ? `Une lettre chaque jour vers ${hour}, quand il y a du nouveau.`
      : s.frequency === "weekly"
        ? `Une lettre chaque ${WEEKDAY_LABELS[s.weekday - 1]} vers ${hour}, quand il y a du nouveau.`
        : null;
  return {
    consent: s.consent,
    verified: s.verified,
    bounced: s.bounced ? { at: formatDateTime(s.bounced.at), reason: s.bounced.reason } : null,
    summary,
  };
}

export interface DigestsAdminView {
  counts: Array<{ label: string; n: number }>;
  totalSubscribers: number;
  runs: Array<{
    period: string;
    status: string;
    examined: number;
    queued: number;
    empty: number;
    sent: number;
    pending: number;
    failed: number;
    uncertain: number;
  }>;
  bounced: Array<{ email: string; at: string; reason: string }>;
  uncertain: Array<{ email: string; period: string; at: string }>;
}

export function presentAdmin(
  counts: Awaited<ReturnType<typeof subscriptionCounts>>,
  runs: Awaited<ReturnType<typeof recentRuns>>,
  bounced: Awaited<ReturnType<typeof bouncedAddresses>>,
  uncertain: Awaited<ReturnType<typeof uncertainDeliveries>>,
): DigestsAdminView {
  const by = new Map(counts.map((c) => [c.frequency, c.n]));
  const order: Frequency[] = ["daily", "weekly", "off"];
  return {
    counts: order.map((f) => ({ label: FREQUENCY_LABELS[f], n: by.get(f) ?? 0 })),
    totalSubscribers: (by.get("daily") ?? 0) + (by.get("weekly") ?? 0),
    runs: runs.map((r) => ({
      period: formatDateTime(r.period_start),
      status: r.finished_at ? (r.pending > 0 ? "Envoi en cours" : "Terminée") : "Composition en cours",
      examined: r.examined,
      queued: r.queued,
      empty: r.empty,
      sent: r.sent,
      pending: r.pending,
      failed: r.failed,
      uncertain: r.uncertain,
    })),
    bounced: bounced.map((b) => ({ email: b.email, at: b.bounced_at ? formatDateTime(b.bounced_at) : "", reason: b.bounce_reason ?? "" })),
    uncertain: uncertain.map((u) => ({ email: u.email, period: u.period_key, at: u.sending_at ? formatDateTime(u.sending_at) : "" })),
  };
}
