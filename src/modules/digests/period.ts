// When a resident's digest is due (decision 0016). Everything is in the city's local time
// (Europe/Paris, daylight saving included): a daily digest is due once the local hour has
// reached the chosen hour on a local day that has no digest yet ('J2026-12-10'); a weekly one
// once the chosen weekday and hour have come in an ISO week that has none ('S2026-W50').
// "Reached" rather than "equal": an hour that does not exist (02:00 on the last Sunday of
// March) is served at the next run, and a run missed while no process was up is caught up;
// an hour that happens twice (the last Sunday of October) finds the day already served.
import type { Frequency } from "./schema.js";

export const TIME_ZONE = "Europe/Paris";

const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalMoment {
  /** "YYYY-MM-DD" in Europe/Paris. */
  date: string;
  hour: number;
  /** 1 (Monday) to 7 (Sunday). */
  weekday: number;
  /** The period keys of that moment's day and ISO week. */
  dayKey: string;
  weekKey: string;
}

/** ISO 8601 week of a calendar date: "2026-W50" (the week belongs to the year of its Thursday). */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export function localMoment(at: Date): LocalMoment {
  const p = Object.fromEntries(formatter.formatToParts(at).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, hour: Number(p.hour), weekday: WEEKDAYS[p.weekday ?? ""] ?? 1, dayKey: `J${date}`, weekKey: `S${isoWeek(date)}` };
}

export interface Schedule {
  frequency: Frequency;
  hour: number;
  weekday: number;
  lastKey: string | null;
}

/** The period key a digest composed at `at` would take, or null when none is due (the SQL of dueSubscribers says the same). */
export function duePeriod(s: Schedule, at: LocalMoment): string | null {
  if (s.frequency === "daily") return at.hour >= s.hour && s.lastKey !== at.dayKey ? at.dayKey : null;
  if (s.frequency === "weekly") {
    const reached = at.weekday > s.weekday || (at.weekday === s.weekday && at.hour >= s.hour);
    return reached && s.lastKey !== at.weekKey ? at.weekKey : null;
  }
  return null;
}

/** How far back a first digest (or one after a long pause) looks. */
export const LOOKBACK_MS: Record<Exclude<Frequency, "off">, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };
