// Ring orientation. Two libraries, two conventions:
//  - GeoJSON (RFC 7946) and turf: outer rings counter-clockwise, holes clockwise;
//  - d3-geo works on the sphere, where a ring encloses the area on its RIGHT, so an outer ring
//    must be clockwise. Given an RFC 7946 ring, d3 draws "the whole globe minus the polygon"
//    (STACK-NOTES row 11) and fitExtent/fitSize break.
// Orientation is measured in the lon/lat plane, as turf's rewind does; at city scale the plane
// and the sphere agree.
import type { MultiPolygon, Polygon, Position } from "geojson";

/** Twice the signed area of a ring in the lon/lat plane: > 0 when counter-clockwise. */
export function signedArea2(ring: readonly Position[]): number {
  const first = ring[0];
  if (!first) return 0;
  // Relative to the first vertex: city coordinates share their leading digits, and subtracting
  // them first keeps the products small and exact enough.
  const [x0 = 0, y0 = 0] = first;
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return sum;
}

function orient(ring: Position[], counterClockwise: boolean): Position[] {
  return signedArea2(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
}

function rewindPolygon(rings: Position[][], outerCounterClockwise: boolean): Position[][] {
  return rings.map((ring, i) => orient(ring, i === 0 ? outerCounterClockwise : !outerCounterClockwise));
}

/**
 * A copy wound for `convention`, whatever the input winding: "rfc7946" (outer counter-clockwise)
 * or "d3" (outer clockwise). Positions are shared with the input, not copied; nothing is mutated.
 */
export function rewind<G extends Polygon | MultiPolygon>(geometry: G, convention: "rfc7946" | "d3"): G {
  const ccw = convention === "rfc7946";
  if (geometry.type === "Polygon") {
    return { type: "Polygon", coordinates: rewindPolygon(geometry.coordinates, ccw) } as G;
  }
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map((p) => rewindPolygon(p, ccw)) } as G;
}
