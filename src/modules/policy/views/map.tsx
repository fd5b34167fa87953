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

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** "Carte des quartiers et des quartiers prioritaires", naming only the layers drawn. */
export function mapTitle(features: readonly MapFeature[]): string {
  const qpv = features.some((f) => f.kind === "qpv");
  const others = features.some((f) => f.kind !== "qpv");
  return qpv && others ? "Carte des quartiers et des quartiers prioritaires" : qpv ? "Carte des quartiers prioritaires" : "Carte des quartiers";
}

/**
 * The map's description (its <desc>), built from what is really drawn: which layers have a
 * perimeter, which places are missing from the picture because theirs is not loaded, what the
 * highlight and the marker mean. A fixed sentence said "les quartiers prioritaires sont
 * hachurés" on maps without any QPV outline (and a QPV is not hatched: see map.css).
 */
export function describeMap(places: readonly MappablePlace[], features: readonly MapFeature[], opts: { marker?: boolean; markerLabel?: string } = {}): string {
  const count = (kind: string) => features.filter((f) => f.kind === kind).length;
  const qpv = count("qpv");
  const quartiers = count("quartier");
  const communes = count("commune");
  const drawn = new Set(features.map((f) => f.id));
  const missing = places.filter((p) => !drawn.has(p.slug));
  const parts: string[] = [];
  if (features.length === 1) {
    parts.push(`La carte montre le périmètre de ${features[0]!.label}.`);
  } else {
    const layers = [
      quartiers ? plural(quartiers, "quartier", "quartiers") : "",
      communes ? plural(communes, "commune associée", "communes associées") : "",
      qpv ? plural(qpv, "quartier prioritaire", "quartiers prioritaires") : "",
    ].filter(Boolean);
    parts.push(`La carte montre ${layers.length > 1 ? `${layers.slice(0, -1).join(", ")} et ${layers.at(-1)}` : layers[0]}.`);
  }
  if (qpv > 0 && qpv < features.length) parts.push("Les quartiers prioritaires sont dessinés en orange, bordés de tirets, par-dessus les quartiers.");
  const missingQpv = missing.filter((p) => p.kind === "qpv").length;
  const missingOthers = missing.length - missingQpv;
  if (missingQpv > 0) {
    parts.push(
      qpv === 0
        ? "Les périmètres des quartiers prioritaires ne sont pas encore chargés : ils ne figurent pas sur la carte."
        : missingQpv > 1
          ? `${missingQpv} quartiers prioritaires n’y figurent pas : leur périmètre n’est pas encore chargé.`
          : "1 quartier prioritaire n’y figure pas : son périmètre n’est pas encore chargé.",
    );
  }
  if (missingOthers > 0) {
    parts.push(`${plural(missingOthers, "autre quartier n’y figure pas", "autres quartiers n’y figurent pas")}, faute de périmètre chargé.`);
  }
  const point = opts.markerLabel ? opts.markerLabel.toLowerCase() : "le point indiqué";
  const highlighted = features.filter((f) => f.highlighted).length;
  if (highlighted > 0) parts.push(`En jaune, avec un contour épais : ${highlighted > 1 ? "les zones qui contiennent" : "la zone qui contient"} ${point}.`);
  if (opts.marker) parts.push(`Le point rouge : ${point}.`);
  if (features.some((f) => f.href))
    parts.push(features.length > 1 ? "Chaque zone est un lien vers la page du quartier." : "La zone est un lien vers la page du quartier.");
  parts.push("La liste des zones figure dans le tableau qui suit la carte.");
  return parts.join(" ");
}

export function MapOrHowToImport(props: {
  places: MappablePlace[];
  /** Default: named after the layers drawn (mapTitle). */
  title?: string;
  idPrefix: string;
  compact?: boolean;
  highlight?: ReadonlySet<string>;
  marker?: LonLat | null;
  markerLabel?: string;
  pickable?: boolean;
}) {
  const features = toFeatures(props.places, props.highlight);
  const title = props.title ?? mapTitle(features);
  if (features.length === 0) {
    return props.compact ? null : (
      <p class="notice">
        Les périmètres officiels ne sont pas encore chargés. Un agent peut les importer depuis les fichiers publiés par l’ANCT (quartiers prioritaires) et par
        la collectivité (quartiers) : <code>npm run import -- qpv fichier.geojson</code> et <code>npm run import -- quartiers fichier.geojson</code>.
      </p>
    );
  }
  return (
    <div class={props.compact ? "map-block map-block--compact" : "map-block"}>
      <SvgMap
        title={title}
        description={describeMap(props.places, features, { marker: Boolean(props.marker), markerLabel: props.markerLabel })}
        features={features}
        idPrefix={props.idPrefix}
        marker={props.marker ?? null}
        markerLabel={props.markerLabel}
        width={props.compact ? 480 : 800}
        pickable={props.pickable}
      />
      <MapDataTable
        caption={title}
        features={features}
        summary="Voir les données de la carte"
        columns={[
          { header: "Type", value: (f: MapFeature) => (f.kind === "qpv" ? "Quartier prioritaire" : f.kind === "commune" ? "Commune associée" : "Quartier") },
        ]}
      />
    </div>
  );
}
