// Area geometries (quartiers, QPV, communes): validation, RFC 7946 winding, and the few
// measures a map needs. Everything here works on WGS84 lon/lat (EPSG:4326), as GeoJSON does.
import { geoArea } from "d3-geo";
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from "geojson";
import { rewind, signedArea2 } from "./winding.js";

export type AreaGeometry = Polygon | MultiPolygon;
export type AreaFeature<P = GeoJsonProperties> = Feature<AreaGeometry, P>;
/** A point as GeoJSON orders it: longitude first. */
export type LonLat = readonly [lon: number, lat: number];
/** [west, south, east, north] in degrees, as the GeoJSON `bbox` member. */
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export type GeometryErrorCode =
  | "invalid-type"
  | "invalid-coordinates"
  | "empty"
  | "not-finite"
  | "out-of-range"
  | "ring-not-closed"
  | "ring-too-short"
  | "ring-degenerate"
  | "invalid-point";

/**
 * Bad input geometry. `message` is French and says what to fix (it may reach an editor importing
 * a file); `code` is for programs; `path` points into the input, e.g. "coordinates[1][0][5]".
 */
export class GeometryError extends Error {
  constructor(
    public readonly code: GeometryErrorCode,
    message: string,
    public readonly path?: string,
  ) {
    super(message);
    this.name = "GeometryError";
  }
}

export interface NormalizeOptions {
  /**
   * Close a ring whose last position does not repeat the first, by appending the first one.
   * Off by default: RFC 7946 requires closed rings, and in practice an open ring is more often
   * a truncated export (a lost line, a cut file) than a forgotten last point. Closing it would
   * silently draw a wrong but plausible shape, so we refuse it unless the caller knows the source.
   */
  closeRings?: boolean;
}

const isArray = Array.isArray as (v: unknown) => v is unknown[];

/** "contour extérieur du polygone 2", "trou 1", for error messages. */
function where(polygon: number | undefined, ring: number): string {
  const part = ring === 0 ? "contour extérieur" : `trou ${ring}`;
  return polygon === undefined ? part : `${part} du polygone ${polygon + 1}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function readPosition(value: unknown, label: string, path: string): Position {
  if (!isArray(value) || value.length < 2) {
    throw new GeometryError("invalid-coordinates", `${label} : un point doit être un tableau [longitude, latitude]. Vérifiez le fichier source.`, path);
  }
  const [lon, lat] = value;
  if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    throw new GeometryError(
      "not-finite",
      `${label} : la coordonnée [${String(lon)}, ${String(lat)}] n'est pas un nombre fini. Vérifiez le fichier source.`,
      path,
    );
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    throw new GeometryError(
      "out-of-range",
      `${label} : la coordonnée [${lon}, ${lat}] est hors limites (longitude entre -180 et 180, latitude entre -90 et 90). ` +
        "Le fichier doit être en WGS84 (EPSG:4326), longitude en premier : reprojetez-le s'il est en Lambert 93.",
      path,
    );
  }
  // Altitude, if any, is dropped: these maps are flat and turf and d3 ignore it anyway.
  return [lon, lat];
}

function readRing(value: unknown, polygon: number | undefined, ring: number, path: string, options: NormalizeOptions): Position[] {
  const name = where(polygon, ring);
  if (!isArray(value)) {
    throw new GeometryError("invalid-coordinates", `${capitalize(name)} : les coordonnées doivent être une liste de points.`, path);
  }
  const positions = value.map((p, i) => readPosition(p, `${capitalize(name)}, point ${i + 1}`, `${path}[${i}]`));
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    if (!options.closeRings) {
      throw new GeometryError(
        "ring-not-closed",
        `${capitalize(name)} : l'anneau n'est pas fermé (le dernier point doit répéter le premier). ` +
          "Le fichier est peut-être tronqué ; sinon, ajoutez le premier point à la fin.",
        path,
      );
    }
    positions.push(first);
  }
  if (positions.length < 4) {
    throw new GeometryError(
      "ring-too-short",
      `${capitalize(name)} : l'anneau a ${positions.length} point(s), il en faut au moins 4 (trois sommets et le retour au premier).`,
      path,
    );
  }
  // Repeated consecutive points (the Lille export starts some rings with one) are zero-length
  // edges: harmless, but they lengthen every SVG path and can hide a flat ring.
  const cleaned = positions.filter((p, i) => i === 0 || p[0] !== positions[i - 1]![0] || p[1] !== positions[i - 1]![1]);
  if (cleaned.length < 4 || signedArea2(cleaned) === 0) {
    throw new GeometryError("ring-degenerate", `${capitalize(name)} : l'anneau est plat (aire nulle), ses points sont confondus ou alignés.`, path);
  }
  return cleaned;
}

function readPolygon(value: unknown, polygon: number | undefined, path: string, options: NormalizeOptions): Position[][] {
  const name = polygon === undefined ? "Le polygone" : `Le polygone ${polygon + 1}`;
  if (!isArray(value)) {
    throw new GeometryError("invalid-coordinates", `${name} : les coordonnées doivent être une liste d'anneaux.`, path);
  }
  if (value.length === 0) throw new GeometryError("empty", `${name} n'a aucun anneau.`, path);
  const rings = value.map((r, i) => readRing(r, polygon, i, `${path}[${i}]`, options));
  // Outer ring counter-clockwise, holes clockwise (RFC 7946 §3.1.6).
  return rings.map((ring, i) => (signedArea2(ring) > 0 === (i === 0) ? ring : ring.reverse()));
}

/**
 * Checks an untrusted Polygon or MultiPolygon and returns a clean copy: RFC 7946 winding,
 * [lon, lat] positions only, no repeated consecutive points. Throws GeometryError otherwise.
 * It does not check topology (self-intersections, holes outside their polygon): the official
 * Lille quartiers have self-touching vertices and still draw and answer point queries correctly.
 */
export function normalizeGeometry(geometry: unknown, options: NormalizeOptions = {}): AreaGeometry {
  if (typeof geometry !== "object" || geometry === null) {
    throw new GeometryError("invalid-type", "La géométrie est absente ou n'est pas un objet GeoJSON.");
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === "Feature" || type === "FeatureCollection") {
    throw new GeometryError("invalid-type", `Une ${type} a été fournie à la place d'une géométrie : passez feature.geometry (ou utilisez normalizeFeature).`);
  }
  if (type === "Polygon") {
    return { type, coordinates: readPolygon(coordinates, undefined, "coordinates", options) };
  }
  if (type === "MultiPolygon") {
    if (!isArray(coordinates)) {
      throw new GeometryError("invalid-coordinates", "Le MultiPolygon : les coordonnées doivent être une liste de polygones.", "coordinates");
    }
    if (coordinates.length === 0) throw new GeometryError("empty", "Le MultiPolygon ne contient aucun polygone.", "coordinates");
    return {
      type,
      coordinates: coordinates.map((p, i) => readPolygon(p, i, `coordinates[${i}]`, options)),
    };
  }
  throw new GeometryError(
    "invalid-type",
    `Le type de géométrie « ${String(type)} » n'est pas pris en charge : une zone doit être un Polygon ou un MultiPolygon.`,
  );
}

/** normalizeGeometry on a Feature; properties and id are kept (shallow copy). */
export function normalizeFeature<P = GeoJsonProperties>(feature: unknown, options: NormalizeOptions = {}): AreaFeature<P> {
  if (typeof feature !== "object" || feature === null || (feature as { type?: unknown }).type !== "Feature") {
    throw new GeometryError("invalid-type", "L'objet fourni n'est pas une Feature GeoJSON.");
  }
  const f = feature as { id?: string | number; properties?: P | null; geometry?: unknown };
  const out: AreaFeature<P> = {
    type: "Feature",
    properties: (f.properties == null ? null : { ...f.properties }) as P,
    geometry: normalizeGeometry(f.geometry, options),
  };
  if (f.id !== undefined) out.id = f.id;
  return out;
}

/** The polygons of a geometry, as MultiPolygon coordinates. */
export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** Bounding box of the outer rings (holes lie inside them). */
export function bbox(geometry: AreaGeometry): BBox {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [lon = NaN, lat = NaN] of polygon[0] ?? []) {
      if (lon < w) w = lon;
      if (lon > e) e = lon;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
    }
  }
  return [w, s, e, n];
}

/**
 * Area-weighted centroid in the lon/lat plane, holes subtracted, for placing a label. Planar
 * on purpose: a centroid survives any affine map, and at city scale Mercator is nearly affine,
 * so this is (almost exactly) the centroid of the drawn shape. It can fall outside a concave or
 * holed shape; check with containsPoint before trusting it for anything but a label start.
 * Works on either winding.
 */
export function centroid(geometry: AreaGeometry): [lon: number, lat: number] {
  const polygons = polygonsOf(geometry);
  const origin = polygons[0]?.[0]?.[0];
  if (!origin) throw new GeometryError("empty", "La géométrie est vide : pas de centre possible.");
  const [ox = 0, oy = 0] = origin;
  let area2 = 0,
    mx = 0,
    my = 0,
    count = 0,
    sx = 0,
    sy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      let a = 0,
        cx = 0,
        cy = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const x1 = ring[i]![0]! - ox,
          y1 = ring[i]![1]! - oy;
        const x2 = ring[i + 1]![0]! - ox,
          y2 = ring[i + 1]![1]! - oy;
        const cross = x1 * y2 - x2 * y1;
        a += cross;
        cx += (x1 + x2) * cross;
        cy += (y1 + y2) * cross;
        if (r === 0) {
          sx += x1;
          sy += y1;
          count++;
        }
      }
      // Outer rings add, holes subtract, whatever their winding.
      const sign = Math.sign(a) * (r === 0 ? 1 : -1);
      area2 += sign * a;
      mx += sign * cx;
      my += sign * cy;
    });
  }
  if (area2 === 0) return [ox + sx / count, oy + sy / count]; // flat input: mean of the vertices
  return [ox + mx / (3 * area2), oy + my / (3 * area2)];
}

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Area on the sphere, km². Agrees with turf's `area` to 0.1 % at city scale (same radius). */
export function areaKm2(geometry: AreaGeometry): number {
  return geoArea(rewind(geometry, "d3")) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}
