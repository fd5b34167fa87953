import { describe, expect, it } from "vitest";
import { parisNextMidnight, parisParts, parisToUtc } from "./paris-time.js";

describe("Paris wall-clock time", () => {
  it("reads winter and summer times with their offsets", () => {
    expect(parisToUtc("2027-01-15", "09:30")!.toISOString()).toBe("2027-01-15T08:30:00.000Z");
    expect(parisToUtc("2027-07-15", "09:30")!.toISOString()).toBe("2027-07-15T07:30:00.000Z");
    expect(parisParts(new Date("2027-07-15T07:30:00Z"))).toEqual({ date: "2027-07-15", time: "09:30" });
  });

  it("refuses a time that does not exist and takes the first of a repeated hour", () => {
    expect(parisToUtc("2027-03-28", "02:30")).toBeNull();
    expect(parisToUtc("2027-10-31", "02:30")!.toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(parisToUtc("2027-02-30", "10:00")).toBeNull();
    expect(parisToUtc("demain", "10:00")).toBeNull();
  });

  it("ends an inclusive day at the next midnight, 23 or 25 hours later on change days", () => {
    expect(parisNextMidnight("2027-03-28")!.getTime() - parisToUtc("2027-03-28", "00:00")!.getTime()).toBe(23 * 3_600_000);
    expect(parisNextMidnight("2027-10-31")!.getTime() - parisToUtc("2027-10-31", "00:00")!.getTime()).toBe(25 * 3_600_000);
    expect(parisNextMidnight("2027-12-31")!.toISOString()).toBe("2027-12-31T23:00:00.000Z");
  });
});
