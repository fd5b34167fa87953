// Turns features into SVG numbers: a Mercator projection fitted to the features, one path per
// feature, and a label position that keeps the text inside its shape. Pure and deterministic:
// the same input gives byte-identical output, so rendered pages can be cached and diffed.
import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import type { Position } from "geojson";
import { centroid, polygonsOf, type AreaGeometry, type LonLat } from "./geometry.js";
import { rewind, signedArea2 } from "./winding.js";
import type { MercatorParams } from "./invert.js";

export interface MapFeature {
  /** Stable identifier (a code, a slug): not shown. */
  id: string;
  /** Accessible name of the link or shape, and the visible label. Put the meaning here (for
   *  example "Fives, votre quartier"): colour and `highlighted` alone convey nothing to many. */
  label: string;
  /** Shorter visible label ("Vauban" for "Vauban-Esquermes"), tried when `label` does not fit. */
  shortLabel?: string;
  href?: string;
  geometry: AreaGeometry;
  /** Class suffix: "quartier" gives map__shape--quartier. */
  kind?: string;
  highlighted?: boolean;
}

export type LabelMode = "auto" | "all" | "none";

export interface LayoutOptions {
  width?: number;
  /** Omitted: the height that fits the features at this width. */
  height?: number;
  /** Empty margin around the features, in viewBox units. */
  padding?: number;
  marker?: LonLat | null;
  /** "auto": label only the shapes the text fits in; the others are named by their link, title
   *  and the data table. */
  labels?: LabelMode;
  /** Font size the CSS gives `.map__label`, in viewBox units; used to measure the text. */
  labelSize?: number;
}

export interface LabelLine {
  x: number;
  y: number;
  text: string;
}

/** A label centred on (x, y), turned by `angle` degrees (clockwise, 0 = horizontal) around that
 *  point; its lines are positioned as if unturned. */
export interface MapLabel {
  x: number;
  y: number;
  angle: number;
  lines: LabelLine[];
}

export interface ShapeLayout<F extends MapFeature = MapFeature> {
  feature: F;
  d: string;
  label: MapLabel | null;
}

export interface MapLayout<F extends MapFeature = MapFeature> {
  width: number;
  height: number;
  shapes: ShapeLayout<F>[];
  marker: { x: number; y: number } | null;
  /** The fitted Mercator projection, so a click on the map can be turned back into lon/lat. */
  projection: MercatorParams;
}

export const DEFAULT_WIDTH = 800;
export const DEFAULT_LABEL_SIZE = 14;
const DEFAULT_PADDING = 8;
// Average advance of a system sans-serif glyph, in em, erring wide: a label that we believe
// fits but does not would spill over a border, a label we drop is still in the table.
const CHAR_WIDTH_EM = 0.6;
const LINE_HEIGHT_EM = 1.2;
const MAX_CANDIDATES = 300;
/** Radius of the marker circle, in viewBox units (svg-map.tsx draws it). */
export const MARKER_RADIUS = 6;
// Readable without turning the head much; steeper text is left to the table.
const ANGLES = [0, -15, 15, -30, 30, -45, 45, -60, 60];

const round1 = (v: number): number => Math.round(v * 10) / 10;

export function layoutMap<F extends MapFeature>(features: readonly F[], options: LayoutOptions = {}): MapLayout<F> {
  const width = Math.round(options.width ?? DEFAULT_WIDTH);
  const padding = options.padding ?? DEFAULT_PADDING;
  const labelSize = options.labelSize ?? DEFAULT_LABEL_SIZE;
  const marker = options.marker ?? null;
  if (features.length === 0) {
    return { width, height: Math.round(options.height ?? width * 0.75), shapes: [], marker: null, projection: { scale: 1, tx: 0, ty: 0 } };
  }

  // d3 wants outer rings clockwise (see winding.ts); rewind() fixes either input winding.
  const d3Geometries = features.map((f) => rewind(f.geometry, "d3"));
  // The marker is part of the fit, so a point just outside the city stays on the map.
  const fitted: GeoPermissibleObjects = {
    type: "GeometryCollection",
    geometries: marker ? [...d3Geometries, { type: "Point", coordinates: [marker[0], marker[1]] }] : d3Geometries,
  };
  const projection = geoMercator();
  let height: number;
  if (options.height !== undefined) {
    height = Math.round(options.height);
  } else {
    projection.fitWidth(width - 2 * padding, fitted);
    const [[, y0], [, y1]] = geoPath(projection).bounds(fitted);
    height = Math.ceil(y1 - y0 + 2 * padding);
  }
  projection.fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    fitted,
  );
  // digits(1): a tenth of a viewBox unit is invisible, and it cuts the Lille paths from 58 to 42 kB
  // against the default 3 digits.
  const path = geoPath(projection).digits(1);
  const project = (p: Position): Position => projection([p[0]!, p[1]!]) ?? [NaN, NaN];

  const m = marker ? projection([marker[0], marker[1]]) : null;
  const markerXY = m ? { x: round1(m[0]), y: round1(m[1]) } : null;
  // Labels keep clear of the marker (the one thing the reader came to see) and of each other:
  // features may overlap (a QPV over its quartiers), and the earlier feature's label wins.
  const obstacles: Rect[] = markerXY ? [{ ...markerXY, w: 2 * MARKER_RADIUS + 4, h: 2 * MARKER_RADIUS + 4, angle: 0 }] : [];
  const mode = options.labels ?? "auto";
  const shapes = features.map((feature, i): ShapeLayout<F> => {
    const rings = projectedLargestPolygon(feature.geometry, project);
    const placed = mode === "none" ? null : placeLabel(labelsOf(feature), rings, labelSize, obstacles, mode === "all");
    if (placed) obstacles.push(placed.rect);
    return { feature, d: path(d3Geometries[i]!) ?? "", label: placed?.label ?? null };
  });
  const [tx, ty] = projection.translate();
  return { width, height, shapes, marker: markerXY, projection: { scale: projection.scale(), tx, ty } };
}

function labelsOf(feature: MapFeature): string[] {
  const texts = [feature.label, feature.shortLabel ?? ""].map((t) => t.trim().replace(/\s+/g, " "));
  return [...new Set(texts.filter(Boolean))];
}

/** The label goes in the biggest part of a MultiPolygon (the main body, not an islet). */
function projectedLargestPolygon(geometry: AreaGeometry, project: (p: Position) => Position): Position[][] {
  let best: Position[][] = [];
  let bestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const rings = polygon.map((ring) => thin(ring.map(project)));
    const area = Math.abs(signedArea2(rings[0] ?? []));
    if (area > bestArea) {
      best = rings;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Drops vertices closer than half a unit to the previous kept one: a 400-point ring drawn
 * 100 units wide has far more detail than the label fit needs, and fitting is the slow part.
 */
function thin(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0]! - last[0]!, p[1]! - last[1]!) >= 0.5) out.push(p);
  }
  const end = ring[ring.length - 1];
  if (end && out[out.length - 1] !== end) out.push(end); // stays closed
  return out;
}

/**
 * Candidate lines: the whole text, then split in two at the space (failing that, the hyphen)
 * that gives the shortest longest line. No piece under three letters: "St-" / "Maurice" reads
 * worse than a turned "St-Maurice".
 */
function lineOptions(text: string): string[][] {
  const options = [[text]];
  const breaks: Array<[string, string]> = [];
  const ok = (a: string, b: string) => a.replace(/-$/, "").length >= 3 && b.length >= 3;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === " " && ok(text.slice(0, i), text.slice(i + 1))) breaks.push([text.slice(0, i), text.slice(i + 1)]);
  }
  if (breaks.length === 0) {
    // Keep the hyphen at the end of the first line ("Vauban-" / "Esquermes").
    for (let i = 1; i < text.length - 1; i++) {
      if (text[i] === "-" && ok(text.slice(0, i + 1), text.slice(i + 1))) breaks.push([text.slice(0, i + 1), text.slice(i + 1)]);
    }
  }
  const longest = (b: [string, string]) => Math.max(b[0].length, b[1].length);
  // Stable sort: on a tie the earlier break wins ("Faubourg / de Béthune").
  const best = [...breaks].sort((a, b) => longest(a) - longest(b))[0];
  if (best) options.push(best);
  return options;
}

type Rings = Position[][];

/**
 * Places to try, nearest the centroid first (where a reader looks for the name): a grid over
 * the shape, kept inside it. Capped, so a long thin shape where nothing fits stays cheap.
 */
function candidatePoints(rings: Rings, box: Box, size: number): Position[] {
  const [cx, cy] = centroid({ type: "Polygon", coordinates: rings });
  const spacing = Math.max(size / 2, (box.right - box.left) / 40, (box.bottom - box.top) / 40);
  const points: Position[] = [[cx, cy]];
  for (let y = box.top + spacing / 2; y < box.bottom; y += spacing) {
    for (let x = box.left + spacing / 2; x < box.right; x += spacing) points.push([x, y]);
  }
  const d2 = (p: Position) => (p[0]! - cx) ** 2 + (p[1]! - cy) ** 2;
  return points
    .filter(([x = 0, y = 0]) => inside(rings, box, x, y))
    .sort((a, b) => d2(a) - d2(b) || a[1]! - b[1]! || a[0]! - b[0]!)
    .slice(0, MAX_CANDIDATES);
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boxOf(ring: Position[]): Box {
  const xs = ring.map((p) => p[0]!),
    ys = ring.map((p) => p[1]!);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/** Even-odd ray casting: cheaper than turf here, where boundary cases do not matter. */
function inside(rings: Rings, box: Box, x: number, y: number): boolean {
  if (x < box.left || x > box.right || y < box.top || y > box.bottom) return false;
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!,
        yi = ring[i]![1]!,
        xj = ring[j]![0]!,
        yj = ring[j]![1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/**
 * Samples a w×h text box centred on (x, y) and turned by `angle`: centre and corners first, so
 * most misses are rejected in a few tests, then a grid of about half an em (a hole inside the
 * box counts). Every sample must be inside the shape. Approximate, hence the caller's margins.
 */
function boxFits(rings: Rings, box: Box, x: number, y: number, w: number, h: number, angle: number, size: number): boolean {
  const cos = Math.cos((angle * Math.PI) / 180),
    sin = Math.sin((angle * Math.PI) / 180);
  const at = (u: number, v: number) => inside(rings, box, x + u * cos - v * sin, y + u * sin + v * cos);
  const hw = w / 2,
    hh = h / 2;
  if (!at(0, 0) || !at(-hw, -hh) || !at(hw, -hh) || !at(hw, hh) || !at(-hw, hh)) return false;
  const nu = Math.ceil(w / (size / 2)),
    nv = Math.ceil(h / (size / 2));
  for (let i = 0; i <= nu; i++) {
    for (let j = 0; j <= nv; j++) {
      if (!at(-hw + (w * i) / nu, -hh + (h * j) / nv)) return false;
    }
  }
  return true;
}

/** A box centred on (x, y), turned by `angle` degrees. */
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  angle: number;
}

function corners(r: Rect): Array<[number, number]> {
  const cos = Math.cos((r.angle * Math.PI) / 180),
    sin = Math.sin((r.angle * Math.PI) / 180);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([a = 0, b = 0]) => {
    const u = (a * r.w) / 2,
      v = (b * r.h) / 2;
    return [r.x + u * cos - v * sin, r.y + u * sin + v * cos];
  });
}

/** Separating-axis test for two turned boxes. */
function overlaps(a: Rect, b: Rect): boolean {
  const ca = corners(a),
    cb = corners(b);
  for (const angle of [a.angle, a.angle + 90, b.angle, b.angle + 90]) {
    const ax = Math.cos((angle * Math.PI) / 180),
      ay = Math.sin((angle * Math.PI) / 180);
    const pa = ca.map(([x, y]) => x * ax + y * ay),
      pb = cb.map(([x, y]) => x * ax + y * ay);
    if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false;
  }
  return true;
}

function placeLabel(texts: string[], rings: Rings, size: number, obstacles: readonly Rect[], always: boolean): { label: MapLabel; rect: Rect } | null {
  const outer = rings[0];
  if (!outer || outer.length < 4 || texts.length === 0) return null;
  const box = boxOf(outer);
  const points = candidatePoints(rings, box, size);
  if (points.length === 0) return null;
  // Preference order: the full label before the short one, horizontal before turned, one line
  // before two. Turned text is for shapes too narrow for it (a crescent, a strip), at the
  // smallest angle that fits.
  for (const text of texts) {
    for (const angle of ANGLES) {
      for (const lines of lineOptions(text)) {
        // A margin of a quarter em keeps the text off the border stroke.
        const w = Math.max(...lines.map((l) => l.length)) * size * CHAR_WIDTH_EM + size / 2;
        const h = lines.length * size * LINE_HEIGHT_EM + size / 4;
        for (const [x = 0, y = 0] of points) {
          const rect = { x, y, w, h, angle };
          if (boxFits(rings, box, x, y, w, h, angle, size) && !obstacles.some((o) => overlaps(o, rect))) {
            return { label: setLines(lines, x, y, angle, size), rect };
          }
        }
      }
    }
  }
  if (!always) return null;
  const [x = 0, y = 0] = points[0]!;
  const lines = lineOptions(texts[texts.length - 1]!).at(-1)!;
  const w = Math.max(...lines.map((l) => l.length)) * size * CHAR_WIDTH_EM;
  return { label: setLines(lines, x, y, 0, size), rect: { x, y, w, h: lines.length * size * LINE_HEIGHT_EM, angle: 0 } };
}

/** Baselines that centre the block on (x, y); 0.35 em is about half a capital's height. */
function setLines(lines: string[], x: number, y: number, angle: number, size: number): MapLabel {
  const lineHeight = size * LINE_HEIGHT_EM;
  const first = y - ((lines.length - 1) * lineHeight) / 2 + 0.35 * size;
  return {
    x: round1(x),
    y: round1(y),
    angle,
    lines: lines.map((text, i) => ({ x: round1(x), y: round1(first + i * lineHeight), text })),
  };
}
