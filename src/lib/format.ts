// French formatting for dates and numbers, always in the city's time zone.
const TIME_ZONE = "Europe/Paris";

const longDate = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});

/** "12 mars 2025", and "1er mars 2025" as French writes the first day of a month. */
export function formatDate(date: Date): string {
  return longDate.format(date).replace(/^1 /, "1er ");
}

/** YYYY-MM-DD in Europe/Paris, for the datetime attribute of <time>. */
export function isoDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(date);
}

const integer = new Intl.NumberFormat("fr-FR");
export function formatNumber(n: number): string {
  return integer.format(n);
}
