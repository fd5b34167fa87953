import { describe, expect, it } from "vitest";
import { rollUp } from "./rollup.js";

describe("rollUp", () => {
  it("weighs children by budget", () => {
    const r = rollUp(
      [
        { progress: 100, budget: 300_000 },
        { progress: 0, budget: 100_000 },
      ],
      "budget",
    );
    expect(r).toEqual({ progress: 75, budget: 400_000, counted: 2 });
  });
  it("gives every child the same weight under the equal rule", () => {
    expect(
      rollUp(
        [
          { progress: 100, budget: 300_000 },
          { progress: 0, budget: 100_000 },
        ],
        "equal",
      ).progress,
    ).toBe(50);
  });
  it("falls back to equal weights when no child has funding", () => {
    expect(
      rollUp(
        [
          { progress: 80, budget: 0 },
          { progress: 20, budget: 0 },
        ],
        "budget",
      ).progress,
    ).toBe(50);
  });
  it("leaves cancelled children out and has no progress without children", () => {
    expect(
      rollUp(
        [
          { progress: 60, budget: 10, status: "in_progress" },
          { progress: 0, budget: 1000, status: "cancelled" },
        ],
        "budget",
      ),
    ).toEqual({
      progress: 60,
      budget: 10,
      counted: 1,
    });
    expect(rollUp([], "budget")).toEqual({ progress: null, budget: 0, counted: 0 });
  });
  it("clamps out-of-range progress and rounds", () => {
    expect(
      rollUp(
        [
          { progress: 150, budget: 1 },
          { progress: -20, budget: 1 },
          { progress: 33, budget: 1 },
        ],
        "equal",
      ).progress,
    ).toBe(44);
  });
  it("rolls up twice the same way (actions -> priorities -> contract)", () => {
    const p1 = rollUp(
      [
        { progress: 100, budget: 100 },
        { progress: 50, budget: 100 },
      ],
      "budget",
    );
    const p2 = rollUp([{ progress: 0, budget: 200 }], "budget");
    const contract = rollUp(
      [
        { progress: p1.progress ?? 0, budget: p1.budget },
        { progress: p2.progress ?? 0, budget: p2.budget },
      ],
      "budget",
    );
    expect(contract.progress).toBe(38); // (75*200 + 0*200) / 400 = 37.5 -> 38
  });
});
