// Writing perimeters into `neighbourhoods`, shared by the QPV and quartier imports: find the
// existing row, pick a free slug for a new one, and touch a row only when something really
// changed, so that a second run reports "inchangé" and keeps geometry_updated_at. The table
// belongs to the places module: the reads and writes are its functions (places/index.ts),
// the matching rules stay here beside the file formats they serve.
import type { AreaGeometry } from "../../../lib/geo/index.js";
import type { NeighbourhoodKind } from "../../../core/db/schema.js";
import { slugify } from "../../../lib/text.js";
import { insertNeighbourhood, neighbourhoodsForImport, updateNeighbourhood } from "../../places/index.js";
import { canonicalJson, type Trx } from "./common.js";

export interface PlaceRow {
  id: number;
  slug: string;
  name: string;
  kind: NeighbourhoodKind;
  code: string | null;
  geometry: unknown;
  population: number | null;
  commune_codes: string[];
}

export interface PlaceValues {
  kind: NeighbourhoodKind;
  code: string | null;
  name: string;
  geometry: AreaGeometry;
  communeCodes: string[];
  /** null: not in the file, the stored value is kept. */
  population: number | null;
}

export type Outcome = "created" | "updated" | "unchanged";

export async function loadPlaces(trx: Trx): Promise<PlaceIndex> {
  return new PlaceIndex(await neighbourhoodsForImport(trx));
}

export class PlaceIndex {
  readonly #byCode = new Map<string, PlaceRow>();
  readonly #bySlug = new Map<string, PlaceRow>();

  constructor(rows: PlaceRow[]) {
    for (const row of rows) this.add(row);
  }

  add(row: PlaceRow): void {
    if (row.code !== null) this.#byCode.set(`${row.kind}:${row.code}`, row);
    this.#bySlug.set(row.slug, row);
  }

  byCode(kind: NeighbourhoodKind, code: string | null): PlaceRow | undefined {
    return code === null ? undefined : this.#byCode.get(`${kind}:${code}`);
  }

  bySlug(slug: string): PlaceRow | undefined {
    return this.#bySlug.get(slug);
  }

  /** `base`, or `base-<code>` when another place already has it (two QPV may share a name). */
  freeSlug(base: string, code: string | null): string {
    if (!this.#bySlug.has(base)) return base;
    const withCode = slugify(`${base}-${code ?? ""}`);
    if (!this.#bySlug.has(withCode)) return withCode;
    for (let n = 2; ; n++) if (!this.#bySlug.has(`${withCode}-${n}`)) return `${withCode}-${n}`;
  }
}

export interface Stamp {
  source: string;
  now: Date;
}

/**
 * Creates or updates one place. On an existing row the name is replaced only when
 * `replaceName` (official QPV names), the kind and slug are never changed (editors and
 * links rely on them), a missing code is filled in, and population is kept when the file
 * has none. geometry_source and geometry_updated_at follow the geometry only.
 */
export async function savePlace(
  trx: Trx,
  places: PlaceIndex,
  existing: PlaceRow | undefined,
  values: PlaceValues,
  options: { slug: string; replaceName: boolean; stamp: Stamp },
): Promise<Outcome> {
  const geometryJson = JSON.stringify(values.geometry);
  if (!existing) {
    const slug = places.freeSlug(options.slug, values.code);
    const row = await insertNeighbourhood(trx, {
      slug,
      name: values.name,
      kind: values.kind,
      code: values.code,
      geometry: geometryJson,
      population: values.population,
      commune_codes: [...values.communeCodes].sort(),
      geometry_source: options.stamp.source,
      geometry_updated_at: options.stamp.now,
    });
    places.add({
      id: row.id,
      slug,
      name: values.name,
      kind: values.kind,
      code: values.code,
      geometry: values.geometry,
      population: values.population,
      commune_codes: values.communeCodes,
    });
    return "created";
  }

  const changes: {
    name?: string;
    code?: string;
    geometry?: string;
    geometry_source?: string;
    geometry_updated_at?: Date;
    commune_codes?: string[];
    population?: number;
  } = {};
  if (options.replaceName && existing.name !== values.name) changes.name = values.name;
  if (existing.code === null && values.code !== null && !places.byCode(existing.kind, values.code)) changes.code = values.code;
  if (canonicalJson(existing.geometry) !== canonicalJson(values.geometry)) {
    changes.geometry = geometryJson;
    changes.geometry_source = options.stamp.source;
    changes.geometry_updated_at = options.stamp.now;
  }
  const sortedCodes = [...values.communeCodes].sort();
  if (sortedCodes.length > 0 && sortedCodes.join() !== [...existing.commune_codes].sort().join()) changes.commune_codes = sortedCodes;
  if (values.population !== null && values.population !== existing.population) changes.population = values.population;
  if (Object.keys(changes).length === 0) return "unchanged";

  await updateNeighbourhood(trx, existing.id, changes);
  places.add({
    ...existing,
    name: changes.name ?? existing.name,
    code: changes.code ?? existing.code,
    geometry: values.geometry,
    population: changes.population ?? existing.population,
    commune_codes: changes.commune_codes ?? existing.commune_codes,
  });
  return "updated";
}

/** "Lille.geojson (import du 2026-11-27)", recorded next to each geometry. */
export function stampOf(sourceName: string | undefined, now: Date): Stamp {
  return { source: `${sourceName ?? "fichier importé"} (import du ${now.toISOString().slice(0, 10)})`, now };
}
