// When a digest is due, in Paris local time, across the changes of hour.
import { describe, expect, it } from "vitest";
import { hourlyPeriodStart } from "../../core/jobs/schedule.js";
import { duePeriod, isoWeek, localMoment } from "./period.js";

describe("local moments", () => {
  it("gives the Paris date, hour, weekday and period keys of an instant", () => {
    expect(localMoment(new Date("2027-01-11T07:00:00Z"))).toEqual({ date: "2027-01-11", hour: 8, weekday: 1, dayKey: "J2027-01-11", weekKey: "S2027-W02" });
    expect(localMoment(new Date("2027-03-28T01:00:00Z")).hour).toBe(3); // 02:00 does not exist
    expect(localMoment(new Date("2027-10-31T00:00:00Z")).hour).toBe(2);
    expect(localMoment(new Date("2027-10-31T01:00:00Z")).hour).toBe(2); // twice
    expect(localMoment(new Date("2026-12-31T23:30:00Z")).date).toBe("2027-01-01");
  });

  it("numbers ISO weeks across the year's edges", () => {
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
    expect(isoWeek("2026-12-28")).toBe("2026-W53");
    expect(isoWeek("2025-12-29")).toBe("2026-W01");
  });
});

describe("due periods", () => {
  const at = (iso: string) => localMoment(new Date(iso));
  it("daily: from the chosen hour on, once per local day", () => {
    const s = { frequency: "daily" as const, hour: 8, weekday: 1, lastKey: null };
    expect(duePeriod(s, at("2027-01-11T06:00:00Z"))).toBeNull();
    expect(duePeriod(s, at("2027-01-11T07:00:00Z"))).toBe("J2027-01-11");
    expect(duePeriod(s, at("2027-01-11T20:00:00Z"))).toBe("J2027-01-11");
    expect(duePeriod({ ...s, lastKey: "J2027-01-11" }, at("2027-01-11T20:00:00Z"))).toBeNull();
  });

  it("weekly: from the chosen weekday and hour on, once per ISO week; off: never", () => {
    const s = { frequency: "weekly" as const, hour: 8, weekday: 3, lastKey: null };
    expect(duePeriod(s, at("2027-01-12T07:00:00Z"))).toBeNull(); // Tuesday
    expect(duePeriod(s, at("2027-01-13T06:00:00Z"))).toBeNull(); // Wednesday 07:00
    expect(duePeriod(s, at("2027-01-13T07:00:00Z"))).toBe("S2027-W02");
    expect(duePeriod(s, at("2027-01-16T07:00:00Z"))).toBe("S2027-W02"); // caught up on Saturday
    expect(duePeriod({ ...s, lastKey: "S2027-W02" }, at("2027-01-16T07:00:00Z"))).toBeNull();
    expect(duePeriod({ ...s, frequency: "off" }, at("2027-01-13T07:00:00Z"))).toBeNull();
  });
});

describe("hourly periods", () => {
  it("start on the local hour (or minute) at or before the instant, in any offset", () => {
    expect(hourlyPeriodStart(new Date("2027-01-11T07:42:13.500Z"), "Europe/Paris").toISOString()).toBe("2027-01-11T07:00:00.000Z");
    expect(hourlyPeriodStart(new Date("2027-01-11T07:00:00.000Z"), "Europe/Paris").toISOString()).toBe("2027-01-11T07:00:00.000Z");
    expect(hourlyPeriodStart(new Date("2027-01-11T07:10:00Z"), "Europe/Paris", 15).toISOString()).toBe("2027-01-11T06:15:00.000Z");
    // India is UTC+5:30: its hours start at :30 UTC.
    expect(hourlyPeriodStart(new Date("2027-01-11T07:10:00Z"), "Asia/Kolkata").toISOString()).toBe("2027-01-11T06:30:00.000Z");
    // The autumn's repeated hour: two periods, one per real hour.
    expect(hourlyPeriodStart(new Date("2027-10-31T00:30:00Z"), "Europe/Paris").toISOString()).toBe("2027-10-31T00:00:00.000Z");
    expect(hourlyPeriodStart(new Date("2027-10-31T01:30:00Z"), "Europe/Paris").toISOString()).toBe("2027-10-31T01:00:00.000Z");
  });
});
