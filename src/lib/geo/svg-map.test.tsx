import { describe, expect, it } from "vitest";
import { renderToString } from "preact-render-to-string";
import { MapDataTable } from "./data-table.js";
import { layoutMap, type MapFeature } from "./layout.js";
import { SvgMap } from "./svg-map.js";
import { fixtureCity } from "./test-fixtures.js";

const { quartiers, qpv } = fixtureCity();

function cityFeatures(): MapFeature[] {
  return [
    ...quartiers.map((q, i) => ({
      id: q.id,
      label: q.label,
      // One quartier without a page, to cover the <path><title> case.
      href: i === 5 ? undefined : `/quartiers/${q.id.toLowerCase()}`,
      geometry: q.geometry,
      kind: "quartier",
      highlighted: q.id === "Q2",
    })),
    { id: qpv.id, label: qpv.label, href: "/qpv/qn00000m", geometry: qpv.geometry, kind: "QPV 2024" },
  ];
}

function render(props: Partial<Parameters<typeof SvgMap>[0]> = {}): string {
  return renderToString(
    <SvgMap
      title="Carte des quartiers"
      description="Six quartiers et un quartier prioritaire. Les mêmes données sont dans le tableau qui suit."
      features={cityFeatures()}
      idPrefix="carte-test"
      {...props}
    />,
  );
}

function viewBox(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  expect(m).not.toBeNull();
  return { width: Number(m![1]), height: Number(m![2]) };
}

/** Every x,y pair of every path (d3 writes only M, L and Z with absolute coordinates). */
function pathPoints(svg: string): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (const [, d] of svg.matchAll(/ d="([^"]*)"/g)) {
    expect(d).toMatch(/^[MLZ0-9.,-]+$/);
    const numbers = d!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    expect(numbers.length % 2).toBe(0);
    for (let i = 0; i < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
  }
  return points;
}

describe("SvgMap", () => {
  it("has a title and a description, referenced by aria-labelledby / aria-describedby", () => {
    const svg = render();
    expect(svg).toMatch(/^<svg [^>]*aria-labelledby="carte-test-title"[^>]*aria-describedby="carte-test-desc"/);
    expect(svg).toContain('<title id="carte-test-title">Carte des quartiers</title>');
    expect(svg).toContain('<desc id="carte-test-desc">Six quartiers et un quartier prioritaire.');
  });

  it('is role="group" when it has links (an img would hide them), role="img" otherwise', () => {
    expect(render()).toMatch(/^<svg [^>]*role="group"/);
    const noLinks = cityFeatures().map(({ href: _href, ...f }) => f);
    expect(render({ features: noLinks })).toMatch(/^<svg [^>]*role="img"/);
    expect(render({ features: noLinks })).not.toContain("<a ");
  });

  it("makes one labelled link per feature with an href, a titled path for the others", () => {
    const svg = render();
    const links = [...svg.matchAll(/<a href="([^"]+)" class="map__link" aria-label="([^"]+)"><path [^>]*><\/path><\/a>/g)];
    expect(links.map((m) => [m[1], m[2]])).toEqual([
      ["/quartiers/q1", "Centre"],
      ["/quartiers/q2", "Gare"],
      ["/quartiers/q3", "Parc"],
      ["/quartiers/q4", "Port"],
      ["/quartiers/q5", "Moulin"],
      ["/qpv/qn00000m", "Quartier prioritaire de test"],
    ]);
    expect(svg.match(/<a /g)).toHaveLength(6);
    expect(svg).toMatch(/<path class="map__shape map__shape--quartier" d="[^"]+"><title>Plaine<\/title><\/path>/);
  });

  it("styles with classes only: no style attribute, no fill or stroke attribute", () => {
    const svg = render({ marker: [3.015, 50.605] });
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toMatch(/\s(fill|stroke|font-size|text-anchor)=/);
    expect(svg).toContain('class="map__shape map__shape--quartier map__shape--highlighted"');
    // The kind is turned into a safe class suffix.
    expect(svg).toContain('class="map__shape map__shape--qpv-2024"');
    expect(svg).toContain('class="map__marker"');
  });

  it("fits the features in the viewBox", () => {
    for (const props of [{}, { width: 300 }, { width: 400, height: 400 }, { width: 640, height: 200 }]) {
      const svg = render(props);
      const { width, height } = viewBox(svg);
      if (props.width) expect(width).toBe(props.width);
      const points = pathPoints(svg);
      expect(points.length).toBeGreaterThan(20);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(height);
      }
      // Tight: the shapes reach the padding on at least one axis each way.
      const xs = points.map((p) => p[0]),
        ys = points.map((p) => p[1]);
      expect(Math.min(...xs) <= 9 || Math.min(...ys) <= 9).toBe(true);
      expect(Math.max(...xs) >= width - 9 || Math.max(...ys) >= height - 9).toBe(true);
    }
  });

  it("computes the height from the shapes when none is given", () => {
    // The fixture city is 0.06° × 0.03° at 50.6° N: about 4.2 km × 3.3 km, so wider than tall.
    const { width, height } = viewBox(render({ width: 600 }));
    expect(width).toBe(600);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThan(600);
  });

  it("writes coordinates with at most one decimal", () => {
    const svg = render({ marker: [3.015, 50.605] });
    for (const [, d] of svg.matchAll(/ d="([^"]*)"/g)) expect(d).not.toMatch(/\.\d\d/);
    for (const [, n] of svg.matchAll(/ (?:x|y|cx|cy)="([^"]*)"/g)) expect(n).toMatch(/^-?\d+(\.\d)?$/);
  });

  it("is deterministic", () => {
    expect(render({ marker: [3.015, 50.605] })).toBe(render({ marker: [3.015, 50.605] }));
  });

  it("hides the visible labels from assistive technologies (the links already carry the names)", () => {
    const svg = render({ labels: "all" });
    expect(svg).toContain('<g class="map__labels" aria-hidden="true">');
    expect(svg.match(/<text class="map__label"/g)).toHaveLength(7);
    expect(render({ labels: "none" })).not.toContain("map__label");
  });

  it("labels the shapes the text fits in, inside the viewBox", () => {
    const svg = render({ width: 800 });
    const { width, height } = viewBox(svg);
    const labels = [...svg.matchAll(/<tspan x="([\d.]+)" y="([\d.]+)">([^<]+)<\/tspan>/g)];
    expect(labels.map((m) => m[3])).toEqual(expect.arrayContaining(["Centre", "Gare", "Parc", "Port", "Moulin", "Plaine"]));
    for (const [, x, y] of labels) {
      expect(Number(x)).toBeGreaterThan(0);
      expect(Number(x)).toBeLessThan(width);
      expect(Number(y)).toBeGreaterThan(0);
      expect(Number(y)).toBeLessThan(height);
    }
  });

  it("leaves out a label too long for its shape, and uses shortLabel if that fits", () => {
    const tiny = cityFeatures().map((f) => ({ ...f, label: `${f.label} ${"très long nom".repeat(4)}` }));
    expect(render({ features: tiny, width: 300 })).not.toContain("<tspan");
    const short = tiny.map((f) => ({ ...f, shortLabel: f.id }));
    expect(render({ features: short, width: 300 })).toContain(">Q1</tspan>");
  });

  it("keeps labels clear of the marker", () => {
    const features = cityFeatures();
    const free = layoutMap(features, { width: 600 });
    const label = free.shapes[0]!.label!;
    const marker = [3.01, 50.6075] as const; // centre of Q1, where its label goes when free
    const withMarker = layoutMap(features, { width: 600, marker });
    const moved = withMarker.shapes[0]!.label;
    const m = withMarker.marker!;
    expect(Math.hypot(label.x - m.x, label.y - m.y)).toBeLessThan(20);
    expect(moved === null || Math.hypot(moved.x - m.x, moved.y - m.y) > 20).toBe(true);
  });

  it("keeps labels apart when features overlap (a QPV over its quartiers)", () => {
    const layout = layoutMap(cityFeatures(), { width: 500 });
    const boxes = layout.shapes.flatMap(({ label }) => {
      if (!label) return [];
      expect(label.angle).toBe(0); // the fixture is all rectangles: nothing needs turning
      const w = Math.max(...label.lines.map((l) => l.text.length)) * 14 * 0.6;
      const h = label.lines.length * 14 * 1.2;
      return [{ left: label.x - w / 2, right: label.x + w / 2, top: label.y - h / 2, bottom: label.y + h / 2 }];
    });
    expect(boxes.length).toBeGreaterThanOrEqual(6);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart).toBe(true);
      }
    }
  });

  it("draws the highlighted outline again on top, out of the accessibility tree", () => {
    const svg = render();
    expect(svg).toMatch(/<g class="map__overlay" aria-hidden="true"><path class="map__outline" d="M[^"]+"><\/path><\/g>/);
    expect(render({ features: cityFeatures().map((f) => ({ ...f, highlighted: false })) })).not.toContain("map__overlay");
  });

  it("draws the marker inside the map, even outside the features", () => {
    const svg = render({ marker: [2.99, 50.59], markerLabel: "Votre adresse" });
    const { width, height } = viewBox(svg);
    const m = /<circle class="map__marker" cx="([\d.]+)" cy="([\d.]+)" r="6"><title>Votre adresse<\/title><\/circle>/.exec(svg);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(0);
    expect(Number(m![1])).toBeLessThanOrEqual(width);
    expect(Number(m![2])).toBeGreaterThanOrEqual(0);
    expect(Number(m![2])).toBeLessThanOrEqual(height);
  });

  it("escapes text and refuses unsafe links and ids", () => {
    const features = cityFeatures();
    features[0] = { ...features[0]!, label: 'Centre <script>"x"' };
    expect(render({ features })).toContain('aria-label="Centre &lt;script>&quot;x&quot;"');
    features[0] = { ...features[0]!, href: "javascript:alert(1)" };
    expect(() => render({ features })).toThrow(/Lien de carte refusé/);
    expect(() => render({ idPrefix: 'x" onload="y' })).toThrow(/idPrefix/);
  });

  it("renders an empty map without failing", () => {
    const svg = render({ features: [] });
    expect(svg).toContain("<title");
    expect(svg).not.toContain("<path");
  });
});

describe("MapDataTable", () => {
  const features = cityFeatures();
  const html = renderToString(
    <MapDataTable
      caption="Quartiers et quartier prioritaire"
      features={features}
      columns={[
        { header: "Type", value: (f) => (f.kind === "quartier" ? "Quartier" : "QPV") },
        { header: "Code", value: (f) => f.id, numeric: true },
      ]}
    />,
  );

  it("lists every feature, with its link when it has one", () => {
    expect(html).toContain("<caption>Quartiers et quartier prioritaire</caption>");
    expect(html.match(/<tr>/g)).toHaveLength(features.length + 1);
    expect(html).toContain('<th scope="row"><a href="/quartiers/q1">Centre</a></th>');
    expect(html).toContain('<th scope="row">Plaine</th>');
    expect(html).toContain('<th scope="col">Nom</th><th scope="col">Type</th><th scope="col" class="map-data__num">Code</th>');
    expect(html).toContain('<td class="map-data__num">QN00000M</td>');
  });

  it('sits in a <details> "Voir les données" unless summary is null', () => {
    expect(html).toMatch(/^<details class="map-data"><summary>Voir les données<\/summary><table/);
    const bare = renderToString(<MapDataTable caption="Quartiers" features={features} summary={null} />);
    expect(bare).toMatch(/^<div class="map-data"><table/);
  });
});
