// The map of a set of places with its data table, or, while no perimeter has been
// imported, a plain explanation of how to import the official ones.
import { MapDataTable, normalizeGeometry, SvgMap, type AreaGeometry, type LonLat, type MapFeature } from "../../../lib/geo/index.js";

export interface MappablePlace {
  slug: string;
  name: string;
  kind: string;
  code: string | null;
  geometry: unknown;
}

function toFeatures(places: MappablePlace[], highlight?: ReadonlySet<string>): MapFeature[] {
  const out: MapFeature[] = [];
  for (const p of places) {
    if (!p.geometry) continue;
    let geometry: AreaGeometry;
    try {
      geometry = normalizeGeometry(typeof p.geometry === "string" ? JSON.parse(p.geometry) : p.geometry);
    } catch {
      continue;
    }
    const label = p.kind === "qpv" && p.code ? `${p.name} (quartier prioritaire ${p.code})` : p.name;
    out.push({ id: p.slug, label, shortLabel: p.name, href: `/quartiers/${p.slug}`, geometry, kind: p.kind, highlighted: highlight?.has(p.slug) ?? false });
  }
  // Quartiers first, QPV drawn over them.
  return out.sort((a, b) => Number(a.kind === "qpv") - Number(b.kind === "qpv"));
}

export function MapOrHowToImport(props: {
  places: MappablePlace[];
  title: string;
  idPrefix: string;
  compact?: boolean;
  highlight?: ReadonlySet<string>;
  marker?: LonLat | null;
  markerLabel?: string;
  pickable?: boolean;
}) {
  const features = toFeatures(props.places, props.highlight);
  if (features.length === 0) {
    return props.compact ? null : (
      <p class="notice">
        Les périmètres officiels ne sont pas encore chargés. Un agent peut les importer depuis les fichiers publiés par l’ANCT (quartiers prioritaires) et par la
        collectivité (quartiers) : <code>npm run import -- qpv fichier.geojson</code> et <code>npm run import -- quartiers fichier.geojson</code>.
      </p>
    );
  }
  return (
    <div class={props.compact ? "map-block map-block--compact" : "map-block"}>
      <SvgMap
        title={props.title}
        description="Chaque zone est un lien vers la page du quartier. Les quartiers prioritaires sont hachurés. La liste des zones figure dans le tableau qui suit la carte."
        features={features}
        idPrefix={props.idPrefix}
        marker={props.marker ?? null}
        markerLabel={props.markerLabel}
        width={props.compact ? 480 : 800}
        pickable={props.pickable}
      />
      <MapDataTable
        caption={props.title}
        features={features}
        summary="Voir les données de la carte"
        columns={[{ header: "Type", value: (f: MapFeature) => (f.kind === "qpv" ? "Quartier prioritaire" : f.kind === "commune" ? "Commune associée" : "Quartier") }]}
      />
    </div>
  );
}
