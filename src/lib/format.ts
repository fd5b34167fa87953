// French formatting for dates and numbers, always in the city's time zone.
const TIME_ZONE = "Europe/Paris";

const longDate = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});

/**
 * Remembers a formatter's answers per instant: the same publication dates come back on every
 * render of a card, and Intl formatting was 2 % of an article's render (issue #12). Cleared
 * when full, so it never holds more than `max` strings.
 */
function remembered(format: (date: Date) => string, max = 4000): (date: Date) => string {
  const seen = new Map<number, string>();
  return (date) => {
    const t = date.getTime();
    let out = seen.get(t);
    if (out === undefined) {
      out = format(date);
      if (seen.size >= max) seen.clear();
      seen.set(t, out);
    }
    return out;
  };
}

/** "12 mars 2025", and "1er mars 2025" as French writes the first day of a month. */
export const formatDate = remembered((date) => longDate.format(date).replace(/^1 /, "1er "));

// One formatter for the process: building one per call cost more than the rest of a card.
const isoDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });

/** YYYY-MM-DD in Europe/Paris, for the datetime attribute of <time>. */
export const isoDay = remembered((date) => isoDayFormat.format(date));

const integer = new Intl.NumberFormat("fr-FR");
export function formatNumber(n: number): string {
  return integer.format(n);
}

const timeParts = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TIME_ZONE });

/** "14 h 32", "9 h 05" in Europe/Paris, as French typography writes times. */
export function formatTime(date: Date): string {
  return timeParts.format(date).replace(/^0?(\d{1,2}):/, "$1 h ");
}

/** "12 mars 2025 à 14 h 32" in Europe/Paris. */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} à ${formatTime(date)}`;
}
