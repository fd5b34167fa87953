// The real Lille quartiers (/work/shared/data, see its SOURCES.md). That folder is not part of
// the repository, so these tests skip, and say so, where it is absent.
import { SHARED_DATA_DIR } from "../../../test/shared-data.js";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderToString } from "preact-render-to-string";
import { containsPoint, locate } from "./contains.js";
import { areaKm2, normalizeFeature, type AreaFeature } from "./geometry.js";
import { SvgMap } from "./svg-map.js";
import { signedArea2 } from "./winding.js";

const DATA = SHARED_DATA_DIR ?? "/nonexistent";
const QUARTIERS = `${DATA}/lille-quartiers.geojson`;
const COMMUNE = `${DATA}/commune-lille.geojson`;
const MEL = `${DATA}/communes-mel.geojson`;
const exists = fs.existsSync(QUARTIERS);
if (!exists) console.warn(`[geo] ${QUARTIERS} est absent : tests sur les données réelles de Lille ignorés.`);

interface QuartierProps {
  quartier: string;
  code_quartier: number;
  type: string;
  centroid_lon: number;
  centroid_lat: number;
  area_km2: number;
}

function load<P>(file: string): { raw: Array<{ geometry: { coordinates: number[][][] } }>; features: AreaFeature<P>[] } {
  const raw = JSON.parse(fs.readFileSync(file, "utf8")).features;
  return { raw, features: raw.map((f: unknown) => normalizeFeature<P>(f)) };
}

describe("Lille quartiers (real data)", () => {
  it.skipIf(!exists)("normalises all 12 features (the export is wound clockwise)", () => {
    const { raw, features } = load<QuartierProps>(QUARTIERS);
    expect(features).toHaveLength(12);
    // The source has the opposite winding to RFC 7946: normalisation has work to do.
    expect(raw.every((f) => signedArea2(f.geometry.coordinates[0]!) < 0)).toBe(true);
    for (const f of features) {
      expect(f.geometry.type).toBe("Polygon");
      const coordinates = f.geometry.coordinates as number[][][];
      expect(signedArea2(coordinates[0]!)).toBeGreaterThan(0);
    }
  });

  it.skipIf(!exists)("locates each published centroid in its own quartier, and only there", () => {
    const { features } = load<QuartierProps>(QUARTIERS);
    for (const f of features) {
      const point = [f.properties.centroid_lon, f.properties.centroid_lat] as const;
      expect(
        locate(point, features).map((g) => g.properties.quartier),
        f.properties.quartier,
      ).toEqual([f.properties.quartier]);
    }
  });

  it.skipIf(!exists)("measures the published areas (computed with turf) to within 1 %", () => {
    const { features } = load<QuartierProps>(QUARTIERS);
    for (const f of features) {
      expect(Math.abs(areaKm2(f.geometry) / f.properties.area_km2 - 1), f.properties.quartier).toBeLessThan(0.01);
    }
  });

  it.skipIf(!exists || !fs.existsSync(COMMUNE) || !fs.existsSync(MEL))("finds every quartier centroid in the Lille commune, among the 95 MEL communes", () => {
    const { features } = load<QuartierProps>(QUARTIERS);
    const [commune] = load<{ code_insee: string }>(COMMUNE).features;
    const mel = load<{ code_insee: string }>(MEL).features;
    expect(mel).toHaveLength(95);
    for (const f of features) {
      const point = [f.properties.centroid_lon, f.properties.centroid_lat] as const;
      expect(containsPoint(commune!.geometry, point)).toBe(true);
      expect(locate(point, mel).map((c) => c.properties.code_insee)).toEqual(["59350"]);
    }
  });

  it.skipIf(!exists)("renders the map: 12 links, inside the viewBox, most shapes labelled", () => {
    const { features } = load<QuartierProps>(QUARTIERS);
    const mapFeatures = features.map((f) => ({
      id: String(f.properties.code_quartier),
      label: f.properties.quartier,
      href: `/quartiers/${f.properties.code_quartier}`,
      geometry: f.geometry,
      kind: f.properties.type === "quartier" ? "quartier" : "commune-associee",
    }));
    const started = performance.now();
    const svg = renderToString(
      <SvgMap
        title="Carte des quartiers de Lille"
        description="Les dix quartiers de Lille et les communes associées d'Hellemmes et de Lomme."
        features={mapFeatures}
        idPrefix="carte-lille"
      />,
    );
    const elapsed = performance.now() - started;
    expect(svg.match(/<a href="\/quartiers\/\d+" class="map__link" aria-label="[^"]+">/g)).toHaveLength(12);
    expect(svg).not.toMatch(/\sstyle=/);
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    for (const [, d] of svg.matchAll(/ d="([^"]*)"/g)) {
      const n = d!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
      for (let i = 0; i < n.length; i += 2) {
        expect(n[i]).toBeGreaterThanOrEqual(0);
        expect(n[i]).toBeLessThanOrEqual(Number(w));
        expect(n[i + 1]).toBeGreaterThanOrEqual(0);
        expect(n[i + 1]).toBeLessThanOrEqual(Number(h));
      }
    }
    expect(svg.match(/<text class="map__label"/g)!.length).toBeGreaterThanOrEqual(9);
    expect(svg.length).toBeLessThan(60_000);
    // Generous bound (cold JIT, shared CI machine); warm renders take a few tens of ms.
    expect(elapsed).toBeLessThan(3_000);
  });
});
