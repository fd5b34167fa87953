import { describe, expect, it } from "vitest";
import { geoArea } from "d3-geo";
import type { Polygon, Position } from "geojson";
import { areaKm2, bbox, centroid, GeometryError, normalizeFeature, normalizeGeometry, type AreaGeometry } from "./geometry.js";
import { rewind, signedArea2 } from "./winding.js";
import { rectRing, squareWithHole, twoSquares } from "./test-fixtures.js";

function rings(g: AreaGeometry): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

function expectRfc7946(g: AreaGeometry) {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      expect(signedArea2(ring) > 0, i === 0 ? "outer ring CCW" : "hole CW").toBe(i === 0);
    });
  }
}

function errorOf(fn: () => unknown): GeometryError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GeometryError);
    return e as GeometryError;
  }
  throw new Error("expected a GeometryError");
}

describe("normalizeGeometry: winding", () => {
  it("keeps RFC 7946 input (outer CCW, hole CW) as it is", () => {
    const input = squareWithHole("rfc7946");
    const out = normalizeGeometry(input);
    expectRfc7946(out);
    expect(out).toEqual(input);
  });

  it("rewinds the opposite winding (outer CW, hole CCW), as found in the Lille export", () => {
    const input = squareWithHole("reversed");
    expect(signedArea2(input.coordinates[0]!)).toBeLessThan(0);
    const out = normalizeGeometry(input);
    expectRfc7946(out);
    expect(out).toEqual(squareWithHole("rfc7946"));
  });

  it("rewinds each polygon of a MultiPolygon, and does not mutate the input", () => {
    const input = twoSquares();
    input.coordinates[1] = [[...input.coordinates[1]![0]!].reverse()];
    const before = JSON.stringify(input);
    const out = normalizeGeometry(input);
    expectRfc7946(out);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("gives d3 the opposite winding, which d3 reads as the small polygon", () => {
    const g = normalizeGeometry(squareWithHole()) as Polygon;
    // RFC 7946 winding read by d3: the whole globe minus the square (STACK-NOTES row 11).
    expect(geoArea(g)).toBeGreaterThan(2 * Math.PI);
    const d3 = rewind(g, "d3");
    expect(geoArea(d3)).toBeLessThan(1e-5);
    for (const [i, ring] of d3.coordinates.entries()) expect(signedArea2(ring) < 0).toBe(i === 0);
    // And rewind is winding-agnostic: from the reversed input too.
    expect(rewind(squareWithHole("reversed"), "d3")).toEqual(d3);
  });

  it("drops altitude and repeated consecutive points", () => {
    const out = normalizeGeometry({
      type: "Polygon",
      coordinates: [
        [
          [3, 50, 12],
          [3, 50, 12],
          [3.1, 50],
          [3.1, 50.1],
          [3, 50.1],
          [3, 50, 12],
        ],
      ],
    }) as Polygon;
    expect(out.coordinates[0]).toEqual([
      [3, 50],
      [3.1, 50],
      [3.1, 50.1],
      [3, 50.1],
      [3, 50],
    ]);
  });
});

describe("normalizeGeometry: invalid input", () => {
  const square = rectRing(3, 50, 3.1, 50.1);
  it.each([
    ["null", null, "invalid-type", /absente/],
    ["a Point", { type: "Point", coordinates: [3, 50] }, "invalid-type", /« Point » n'est pas pris en charge/],
    ["a LineString", { type: "LineString", coordinates: square }, "invalid-type", /Polygon ou un MultiPolygon/],
    ["a Feature instead of its geometry", { type: "Feature", geometry: { type: "Polygon", coordinates: [square] } }, "invalid-type", /feature\.geometry/],
    ["a Polygon without rings", { type: "Polygon", coordinates: [] }, "empty", /aucun anneau/],
    ["an empty MultiPolygon", { type: "MultiPolygon", coordinates: [] }, "empty", /aucun polygone/],
    ["coordinates that are not arrays", { type: "Polygon", coordinates: "3,50" }, "invalid-coordinates", /liste d'anneaux/],
    ["a position with one number", { type: "Polygon", coordinates: [[[3], [3.1, 50], [3, 50.1], [3], [3]]] }, "invalid-coordinates", /\[longitude, latitude\]/],
    [
      "a ring of 3 positions",
      {
        type: "Polygon",
        coordinates: [
          [
            [3, 50],
            [3.1, 50],
            [3, 50],
          ],
        ],
      },
      "ring-too-short",
      /au moins 4/,
    ],
    ["an unclosed ring", { type: "Polygon", coordinates: [square.slice(0, 4)] }, "ring-not-closed", /n'est pas fermé/],
    ["a longitude beyond 180", { type: "Polygon", coordinates: [rectRing(179.9, 50, 180.1, 50.1)] }, "out-of-range", /hors limites/],
    ["Lambert 93 metres", { type: "Polygon", coordinates: [rectRing(703000, 7059000, 704000, 7060000)] }, "out-of-range", /Lambert 93/],
    [
      "NaN",
      {
        type: "Polygon",
        coordinates: [
          [
            [3, 50],
            [NaN, 50],
            [3.1, 50.1],
            [3, 50],
          ],
        ],
      },
      "not-finite",
      /nombre fini/,
    ],
    [
      "Infinity",
      {
        type: "Polygon",
        coordinates: [
          [
            [3, 50],
            [3.1, Infinity],
            [3.1, 50.1],
            [3, 50],
          ],
        ],
      },
      "not-finite",
      /nombre fini/,
    ],
    [
      "a number as a string",
      {
        type: "Polygon",
        coordinates: [
          [
            [3, 50],
            ["3.1", 50],
            [3.1, 50.1],
            [3, 50],
          ],
        ],
      },
      "not-finite",
      /nombre fini/,
    ],
    [
      "a flat ring (aligned points)",
      {
        type: "Polygon",
        coordinates: [
          [
            [3, 50],
            [3.1, 50],
            [3.2, 50],
            [3, 50],
          ],
        ],
      },
      "ring-degenerate",
      /plat/,
    ],
    [
      "a ring of one repeated point",
      {
        type: "Polygon",
        coordinates: [
          [
            [3, 50],
            [3, 50],
            [3, 50],
            [3, 50],
          ],
        ],
      },
      "ring-degenerate",
      /plat/,
    ],
  ])("rejects %s", (_name, input, code, message) => {
    const error = errorOf(() => normalizeGeometry(input));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("says where the problem is: polygon, ring and point", () => {
    const bad = twoSquares();
    bad.coordinates[1]![0]![2] = [3.06, 95];
    const error = errorOf(() => normalizeGeometry(bad));
    expect(error.message).toMatch(/^Contour extérieur du polygone 2, point 3 : /);
    expect(error.path).toBe("coordinates[1][0][2]");
    const hole = squareWithHole();
    hole.coordinates[1] = hole.coordinates[1]!.slice(0, 4);
    expect(errorOf(() => normalizeGeometry(hole)).message).toMatch(/^Trou 1 : l'anneau n'est pas fermé/);
  });

  it("closes an open ring only when asked to (closeRings)", () => {
    const open = { type: "Polygon", coordinates: [rectRing(3, 50, 3.1, 50.1).slice(0, 4)] };
    const out = normalizeGeometry(open, { closeRings: true }) as Polygon;
    expect(out.coordinates[0]).toEqual(rectRing(3, 50, 3.1, 50.1));
    // Three corners of an open triangle make a valid ring once closed.
    const triangle = normalizeGeometry(
      {
        type: "Polygon",
        coordinates: [
          [
            [3, 50],
            [3.1, 50],
            [3, 50.1],
          ],
        ],
      },
      { closeRings: true },
    );
    expect(rings(triangle)[0]).toHaveLength(4);
  });
});

describe("normalizeFeature", () => {
  it("keeps id and properties, normalises the geometry", () => {
    const f = normalizeFeature<{ nom: string }>({
      type: "Feature",
      id: 7,
      properties: { nom: "Fives" },
      geometry: squareWithHole("reversed"),
    });
    expect(f.id).toBe(7);
    expect(f.properties.nom).toBe("Fives");
    expectRfc7946(f.geometry);
  });
  it("rejects what is not a Feature", () => {
    expect(errorOf(() => normalizeFeature(squareWithHole())).code).toBe("invalid-type");
  });
});

describe("bbox, centroid, areaKm2", () => {
  it("bbox covers the outer rings of every polygon", () => {
    expect(bbox(squareWithHole())).toEqual([3.0, 50.6, 3.1, 50.7]);
    expect(bbox(twoSquares())).toEqual([3.0, 50.6, 3.06, 50.61]);
  });

  it("centroid is area-weighted and subtracts holes, whatever the winding", () => {
    const [lon, lat] = centroid(squareWithHole());
    expect(lon).toBeCloseTo(3.05, 10);
    expect(lat).toBeCloseTo(50.65, 10);
    // An off-centre hole pushes the centroid away from it: square 0..1 minus hole [0.5,1]×[0,1]
    // leaves [0,0.5]×[0,1], centroid x = 0.25 (on the plane, degrees as units).
    const g: Polygon = { type: "Polygon", coordinates: [rectRing(0, 0, 1, 1), rectRing(0.5, 0, 1, 1, true)] };
    expect(centroid(g)[0]).toBeCloseTo(0.25, 10);
    const reversed: Polygon = { type: "Polygon", coordinates: g.coordinates.map((r) => [...r].reverse()) };
    expect(centroid(reversed)[0]).toBeCloseTo(0.25, 10);
    // Two unequal squares: the bigger one weighs more.
    const multi: AreaGeometry = {
      type: "MultiPolygon",
      coordinates: [[rectRing(0, 0, 1, 1)], [rectRing(2, 0, 4, 2)]],
    };
    // Areas 1 and 4, centres x 0.5 and 3: (0.5 + 12) / 5 = 2.5.
    expect(centroid(multi)[0]).toBeCloseTo(2.5, 10);
  });

  it("areaKm2 measures on the sphere", () => {
    // 0.01° × 0.01° at the equator: (0.01 × π/180 × 6371.0088)² ≈ 1.2364 km².
    const g = normalizeGeometry({ type: "Polygon", coordinates: [rectRing(0, 0, 0.01, 0.01)] });
    expect(areaKm2(g)).toBeCloseTo(1.2364, 3);
    // The hole (0.02° square) is subtracted: 0.01 − 0.0004 of a 0.1° square's area, about 96 %.
    const full = areaKm2({ type: "Polygon", coordinates: [rectRing(3.0, 50.6, 3.1, 50.7)] });
    expect(areaKm2(squareWithHole()) / full).toBeCloseTo(0.96, 3);
    // Either winding gives the small area, never the rest of the globe.
    expect(areaKm2(squareWithHole("reversed"))).toBeCloseTo(areaKm2(squareWithHole()), 6);
  });
});
