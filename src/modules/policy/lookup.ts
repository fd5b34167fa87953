// "Suis-je dans un quartier prioritaire ?": which neighbourhoods contain a point, and
// what is being done there. The answer comes from the perimeters in the database
// (point-in-polygon), whether the point came from the geocoder, the browser's
// geolocation or a click on the map.
import type { DB } from "../../core/db/create-db.js";
import { locate, normalizeGeometry, type AreaGeometry, type LonLat } from "../../lib/geo/index.js";
import { neighbourhoodsForMap } from "../places/index.js";
import * as q from "./queries.js";

export interface Place {
  id: number;
  slug: string;
  name: string;
  kind: string;
  code: string | null;
  geometry: AreaGeometry;
}

/** Perimeters as stored (normalised at import); a broken row is skipped, not fatal. */
export async function placesWithGeometry(db: DB): Promise<Place[]> {
  const rows = await neighbourhoodsForMap(db);
  const places: Place[] = [];
  for (const r of rows) {
    if (r.geometry === null) continue;
    try {
      const geometry = normalizeGeometry(typeof r.geometry === "string" ? JSON.parse(r.geometry) : r.geometry);
      places.push({ id: r.id, slug: r.slug, name: r.name, kind: r.kind, code: r.code, geometry });
    } catch {
      // An invalid perimeter cannot answer anything; the import reports such rows.
    }
  }
  return places;
}

export function parsePoint(lon: unknown, lat: unknown): LonLat | null {
  const x = typeof lon === "string" && lon.trim() !== "" ? Number(lon) : NaN;
  const y = typeof lat === "string" && lat.trim() !== "" ? Number(lat) : NaN;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x < -180 || x > 180 || y < -90 || y > 90) return null;
  // Five decimals is about one metre: enough, and it keeps URLs short.
  return [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5];
}

export async function lookupPoint(db: DB, point: LonLat) {
  const places = await placesWithGeometry(db);
  const found = locate(point, places);
  const quartiers = found.filter((p) => p.kind !== "qpv");
  const qpv = found.filter((p) => p.kind === "qpv");
  const seen = new Set<number>();
  const actions: Awaited<ReturnType<typeof q.actionsInNeighbourhood>> = [];
  for (const p of [...qpv, ...quartiers]) {
    for (const a of await q.actionsInNeighbourhood(db, p.id, 20)) {
      if (!seen.has(a.id)) {
        seen.add(a.id);
        actions.push(a);
      }
    }
  }
  return { point, quartiers, qpv, actions, places, hasPerimeters: places.length > 0, hasQpvPerimeters: places.some((p) => p.kind === "qpv") };
}
