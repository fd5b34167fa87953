// "Which quartier is this address in? Is it in a QPV?"
//
// Boundary rule: a point ON a boundary counts as inside, on the outer ring as on a hole's ring
// (the hole's edge belongs to the polygon, the hole's interior does not). An address geocoded
// exactly onto a street that separates two quartiers is then found in both, and the caller
// shows both rather than none; for a QPV, "on the perimeter" is treated as "in the QPV", the
// favourable reading for a resident checking eligibility. The test is planar in lon/lat, which
// is exact for the straight edges GeoJSON describes.
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { bbox, GeometryError, type AreaGeometry, type BBox, type LonLat } from "./geometry.js";

// Most features of a city are far from a given point: a bounding-box test rejects them before
// the full ring walk. Cached per geometry object (geometries are treated as immutable).
const boxes = new WeakMap<AreaGeometry, BBox>();

function boxOf(geometry: AreaGeometry): BBox {
  let box = boxes.get(geometry);
  if (!box) {
    box = bbox(geometry);
    boxes.set(geometry, box);
  }
  return box;
}

function checkPoint(point: LonLat): void {
  const [lon, lat] = point;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    throw new GeometryError("invalid-point", `Le point [${lon}, ${lat}] n'est pas une position valide : attendu [longitude, latitude] en degrés WGS84.`);
  }
}

/**
 * True when the point is inside the geometry or on its boundary; false in a hole or outside.
 * Expects closed rings (the output of normalizeGeometry); either winding works.
 */
export function containsPoint(geometry: AreaGeometry, point: LonLat): boolean {
  checkPoint(point);
  const [w, s, e, n] = boxOf(geometry);
  const [lon, lat] = point;
  if (lon < w || lon > e || lat < s || lat > n) return false;
  return booleanPointInPolygon([lon, lat], geometry, { ignoreBoundary: false });
}

/**
 * Every feature containing the point, in input order. Several may match: a quartier AND a QPV,
 * or two quartiers when the point lies on their shared boundary (see the rule above).
 */
export function locate<F extends { geometry: AreaGeometry }>(point: LonLat, features: readonly F[]): F[] {
  checkPoint(point);
  return features.filter((f) => containsPoint(f.geometry, point));
}
