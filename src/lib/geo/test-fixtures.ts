// Hand-made geometries for the tests, near Lille so projections behave as with real data.
// Corners are listed explicitly so each test states the winding it starts from.
import type { MultiPolygon, Polygon, Position } from "geojson";

/** Axis-aligned ring, counter-clockwise (RFC 7946 outer) unless `clockwise`. */
export function rectRing(west: number, south: number, east: number, north: number, clockwise = false): Position[] {
  const ccw: Position[] = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return clockwise ? [...ccw].reverse() : ccw;
}

/** 0.1° square (3.0–3.1 E, 50.6–50.7 N) with a centred 0.02° hole (3.04–3.06, 50.64–50.66). */
export function squareWithHole(winding: "rfc7946" | "reversed" = "rfc7946"): Polygon {
  const rev = winding === "reversed";
  return {
    type: "Polygon",
    coordinates: [rectRing(3.0, 50.6, 3.1, 50.7, rev), rectRing(3.04, 50.64, 3.06, 50.66, !rev)],
  };
}

/** Two separate squares: 3.0–3.01 and 3.05–3.06 E, both 50.6–50.61 N. */
export function twoSquares(): MultiPolygon {
  return {
    type: "MultiPolygon",
    coordinates: [[rectRing(3.0, 50.6, 3.01, 50.61)], [rectRing(3.05, 50.6, 3.06, 50.61)]],
  };
}

export interface FixtureQuartier {
  id: string;
  label: string;
  geometry: Polygon;
}

/**
 * A pretend city: 3 × 2 quartiers of 0.02° × 0.015° from 3.00 E / 50.60 N, clockwise like the
 * real Lille export, and a QPV straddling quartiers Q1 and Q2, with a hole.
 */
export function fixtureCity(): { quartiers: FixtureQuartier[]; qpv: { id: string; label: string; geometry: Polygon } } {
  const quartiers: FixtureQuartier[] = [];
  const names = ["Centre", "Gare", "Parc", "Port", "Moulin", "Plaine"];
  for (let row = 0; row < 2; row++) {
    for (let col = 0; col < 3; col++) {
      const i = row * 3 + col;
      const w = 3.0 + col * 0.02,
        s = 50.6 + row * 0.015;
      quartiers.push({
        id: `Q${i + 1}`,
        label: names[i]!,
        geometry: { type: "Polygon", coordinates: [rectRing(w, s, w + 0.02, s + 0.015, true)] },
      });
    }
  }
  const qpv = {
    id: "QN00000M",
    label: "Quartier prioritaire de test",
    geometry: {
      type: "Polygon" as const,
      coordinates: [rectRing(3.01, 50.603, 3.03, 50.612), rectRing(3.018, 50.606, 3.022, 50.609, true)],
    },
  };
  return { quartiers, qpv };
}
