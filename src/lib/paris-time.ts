// Wall-clock dates and times in the city's time zone (Europe/Paris), both ways: what a
// form shows for an instant, and the instant a typed date and time stand for.
const TIME_ZONE = "Europe/Paris";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "YYYY-MM-DD" and "HH:MM" of an instant in Europe/Paris. */
export function parisParts(d: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant at which Paris clocks show that date and time; null when the text is not a
 * date and time, or when that local time does not exist (the spring change of hour).
 * In the autumn, an hour that happens twice is taken at its first occurrence.
 */
export function parisToUtc(date: string, time: string): Date | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const y = Number(dm[1]);
  const mo = Number(dm[2]);
  const d = Number(dm[3]);
  const h = Number(tm[1]);
  const mi = Number(tm[2]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Paris is UTC+1 or UTC+2: try both offsets, keep the earliest that reads back the same.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = parisParts(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return null;
}

/** Paris midnight starting the day after `date` ("YYYY-MM-DD"): the end of an inclusive day range. */
export function parisNextMidnight(date: string): Date | null {
  const start = parisToUtc(date, "00:00");
  if (!start) return null;
  // noon of the same day + 24 h lands inside the next day whatever the change of hour
  return parisToUtc(parisParts(new Date(start.getTime() + 36 * 3_600_000)).date, "00:00");
}
