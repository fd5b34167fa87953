// Reading a GeoJSON FeatureCollection for the importers: each feature with the line where it
// starts (so errors say "Ligne 14 (entité 3)"), a clear message for files that are not
// WGS84, and the shared geometry check of src/lib/geo.
import { GeometryError, normalizeGeometry, type AreaGeometry } from "../../../lib/geo/index.js";
import { stripBom, type ImportIssue } from "./common.js";

export interface RawFeature {
  /** 1-based position in the features array. */
  index: number;
  line: number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

export function parseFeatureCollection(input: string): { features: RawFeature[]; errors: ImportIssue[] } {
  const source = stripBom(input);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { features: [], errors: [jsonError(source, error)] };
  }
  const collection = data as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (!collection || typeof collection !== "object" || collection.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    return {
      features: [],
      errors: [
        { message: "Le fichier n’est pas une FeatureCollection GeoJSON (il faut un objet avec « type »: « FeatureCollection » et une liste « features »)." },
      ],
    };
  }
  // RFC 7946 files have no crs member; older exports name theirs. Anything but WGS84 would
  // fail on every feature with an out-of-range message: say it once, with the fix.
  const crs = String(collection.crs?.properties?.name ?? "");
  if (crs && !/CRS84|EPSG:?:?4326/i.test(crs)) {
    return {
      features: [],
      errors: [
        {
          message: `Le fichier est dans le système de coordonnées « ${crs} ». Reprojetez-le en WGS84 (EPSG:4326), par exemple avec QGIS ou ogr2ogr -t_srs EPSG:4326.`,
        },
      ],
    };
  }
  const lines = featureLines(source);
  const usable = lines.length === collection.features.length;
  const features = (collection.features as unknown[]).map((f, i): RawFeature => {
    const feature = (f && typeof f === "object" ? f : {}) as { properties?: unknown; geometry?: unknown };
    const properties = feature.properties && typeof feature.properties === "object" ? (feature.properties as Record<string, unknown>) : {};
    return { index: i + 1, line: usable ? lines[i]! : 1, properties, geometry: feature.geometry };
  });
  return { features, errors: [] };
}

/** "Ligne 3 : le fichier n’est pas du JSON valide…", with the line computed from V8's position. */
function jsonError(source: string, error: unknown): ImportIssue {
  const detail = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(detail);
  const message = "le fichier n’est pas du JSON valide (tronqué, ou une virgule ou un guillemet en trop ?).";
  if (!position) return { message: `Le fichier n’est pas du JSON valide : ${detail}` };
  const line = source.slice(0, Number(position[1])).split("\n").length;
  return { line, message };
}

/**
 * Line on which each element of the top-level "features" array starts. A tiny scanner over
 * already-valid JSON: JSON.parse gives no positions, and a national file is too big to
 * search feature by feature.
 */
export function featureLines(source: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastKey = "";
  let afterFeaturesKey = false;
  let inFeatures = false;
  let expectElement = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\n") line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') {
        inString = false;
        if (depth === 1) lastKey = source.slice(stringStart + 1, i);
      }
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r") continue;
    if (inFeatures && depth === 2 && expectElement && c !== "]") {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') {
      inString = true;
      stringStart = i;
    } else if (c === ":") {
      afterFeaturesKey = depth === 1 && lastKey === "features";
      continue;
    } else if (c === "{" || c === "[") {
      depth++;
      if (c === "[" && depth === 2 && afterFeaturesKey) {
        inFeatures = true;
        expectElement = true;
      }
    } else if (c === "}" || c === "]") {
      if (inFeatures && depth === 2) return lines;
      depth--;
    } else if (c === "," && inFeatures && depth === 2) {
      expectElement = true;
    }
    afterFeaturesKey = false;
  }
  return lines;
}

/** The geometry, normalised (RFC 7946 winding, no repeated points), or a French error. */
export function checkGeometry(geometry: unknown): { geometry: AreaGeometry } | { error: string } {
  if (geometry === null || geometry === undefined) return { error: "la géométrie est absente (un périmètre Polygon ou MultiPolygon est attendu)." };
  try {
    return { geometry: normalizeGeometry(geometry) };
  } catch (error) {
    if (error instanceof GeometryError) return { error: `géométrie invalide : ${lowerFirst(error.message)}` };
    throw error;
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
