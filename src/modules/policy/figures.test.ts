import { describe, expect, it } from "vitest";
import { contractFigures, countsInTotals, figures } from "./figures.js";
import { actionCount } from "./present.js";

const action = (status: string, progress: number, ...funding: Array<[string, string | number]>) => ({
  status,
  progress,
  funding: funding.map(([funder, amount]) => ({ funder, amount })),
});

describe("the counting rule", () => {
  it("leaves abandoned actions out of every amount, counts them apart, and sums exactly", () => {
    const f = figures([
      action("in_progress", 50, ["etat", "0.1"], ["ville", "0.2"]),
      action("completed", 100, ["etat", 1000]),
      action("cancelled", 0, ["etat", 500], ["caf", "13000.00"]),
    ]);
    expect(f).toEqual({
      actions: 3,
      cancelled: 1,
      budget: 1000.3,
      funding: [
        { funder: "etat", total: 1000.1 },
        { funder: "ville", total: 0.2 },
      ],
    });
    expect(countsInTotals("cancelled")).toBe(false);
    expect(countsInTotals("delayed")).toBe(true);
  });

  it("gives the contract the sum of its priorities, and no progress where every action is abandoned", () => {
    const c = contractFigures("budget", [
      { priority: "a", actions: [action("in_progress", 40, ["etat", 100]), action("cancelled", 90, ["etat", 900])] },
      { priority: "b", actions: [action("cancelled", 10, ["ville", 50])] },
    ]);
    expect(c.priorities.map((p) => [p.priority, p.actions, p.cancelled, p.budget, p.progress])).toEqual([
      ["a", 2, 1, 100, 40],
      ["b", 1, 1, 0, null],
    ]);
    expect([c.actions, c.cancelled, c.budget, c.progress]).toEqual([3, 2, 100, 40]);
    expect(c.funding).toEqual([{ funder: "etat", total: 100 }]);
  });

  it("words every count the same way", () => {
    expect(actionCount(1, 0)).toBe("1 action");
    expect(actionCount(6, 2)).toBe("6 actions, dont 2 abandonnées");
    expect(actionCount(3, 1)).toBe("3 actions, dont 1 abandonnée");
    expect(actionCount(2, 2)).toBe("2 actions, toutes abandonnées");
    expect(actionCount(1, 1)).toBe("1 action, abandonnée");
    expect(actionCount(1234, 0)).toBe("1\u00a0234 actions");
  });
});
