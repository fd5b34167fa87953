import { describe, expect, it } from "vitest";
import { containsPoint, locate } from "./contains.js";
import { GeometryError, normalizeGeometry, type LonLat } from "./geometry.js";
import { fixtureCity, squareWithHole, twoSquares } from "./test-fixtures.js";

describe("containsPoint on a square with a hole", () => {
  // Square 3.0–3.1 E × 50.6–50.7 N, hole 3.04–3.06 × 50.64–50.66.
  const cases: Array<[string, LonLat, boolean]> = [
    ["inside", [3.02, 50.62], true],
    ["inside, between the hole and the edge", [3.05, 50.68], true],
    ["in the hole", [3.05, 50.65], false],
    ["on the outer boundary (edge)", [3.0, 50.65], true],
    ["on the outer boundary (corner)", [3.1, 50.7], true],
    ["on the hole boundary (edge)", [3.04, 50.65], true],
    ["on the hole boundary (corner)", [3.06, 50.66], true],
    ["outside, east", [3.2, 50.65], false],
    ["outside, within the bounding box latitude but west", [2.99, 50.65], false],
  ];
  for (const winding of ["rfc7946", "reversed"] as const) {
    it.each(cases)(`${winding} winding: %s`, (_name, point, expected) => {
      expect(containsPoint(squareWithHole(winding), point)).toBe(expected);
    });
  }
});

describe("containsPoint on a MultiPolygon", () => {
  const g = normalizeGeometry(twoSquares());
  it("finds points in either part, not in the gap", () => {
    expect(containsPoint(g, [3.005, 50.605])).toBe(true);
    expect(containsPoint(g, [3.055, 50.605])).toBe(true);
    expect(containsPoint(g, [3.03, 50.605])).toBe(false);
    expect(containsPoint(g, [3.06, 50.61])).toBe(true); // corner of the second part
  });
});

describe("containsPoint input checks", () => {
  it.each([[[NaN, 50.6]], [[3.0, Infinity]], [[200, 50]], [[3, -91]]] as Array<[LonLat]>)("rejects %j with a GeometryError", (point) => {
    expect(() => containsPoint(squareWithHole(), point)).toThrow(GeometryError);
  });
});

describe("locate", () => {
  const { quartiers, qpv } = fixtureCity();
  const all = [...quartiers, qpv];

  it("returns the one quartier containing a point", () => {
    expect(locate([3.045, 50.622], all).map((f) => f.id)).toEqual(["Q6"]);
  });

  it("returns a quartier AND the QPV when the point is in both", () => {
    expect(locate([3.015, 50.605], all).map((f) => f.id)).toEqual(["Q1", "QN00000M"]);
    expect(locate([3.025, 50.605], all).map((f) => f.id)).toEqual(["Q2", "QN00000M"]);
  });

  it("does not return the QPV for a point in its hole", () => {
    expect(locate([3.021, 50.6075], all).map((f) => f.id)).toEqual(["Q2"]);
  });

  it("returns both quartiers for a point on their shared boundary", () => {
    expect(locate([3.04, 50.605], all).map((f) => f.id)).toEqual(["Q2", "Q3"]);
  });

  it("returns nothing outside the city", () => {
    expect(locate([2.9, 50.6], all)).toEqual([]);
  });

  it("works on GeoJSON Features as well", () => {
    const features = quartiers.map((q) => ({ type: "Feature" as const, properties: { nom: q.label }, geometry: q.geometry }));
    expect(locate([3.005, 50.62], features).map((f) => f.properties.nom)).toEqual(["Port"]);
  });
});
