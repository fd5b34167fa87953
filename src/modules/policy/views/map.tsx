// The map of a set of places, or, while no perimeter has been imported, a plain
// explanation of how to import the official ones.
export interface MappablePlace {
  slug: string;
  name: string;
  kind: string;
  code: string | null;
  geometry: unknown;
}

export function MapOrHowToImport({ places, compact }: { places: MappablePlace[]; title: string; idPrefix: string; compact?: boolean }) {
  const mapped = places.filter((p) => p.geometry);
  if (mapped.length === 0) {
    return compact ? null : (
      <p class="notice">
        Les périmètres officiels ne sont pas encore chargés. Un agent peut les importer depuis les fichiers publiés par l’ANCT (quartiers prioritaires) et par la
        collectivité (quartiers) : <code>npm run import -- qpv fichier.geojson</code> et <code>npm run import -- quartiers fichier.geojson</code>.
      </p>
    );
  }
  return null;
}
