// Server-rendered SVG map: no tiles, no JavaScript. Accessibility choices (RGAA 4.1 / WCAG 2.1):
//  - With links, the <svg> is role="group", NOT role="img": an img's children are presentational,
//    so its links would still take keyboard focus but be hidden from screen readers. Without
//    links it is a plain picture, role="img". Either way it is named by its <title> and
//    described by its <desc> (aria-labelledby / aria-describedby, which browsers honour more
//    consistently than the bare SVG elements).
//  - A shape with an href is an <a> named by aria-label: focusable with Tab in DOM order, which
//    is the features' order. No <title> inside the link, or some readers announce the name twice.
//  - A shape without an href is a <path> with a <title> (tooltip, and its name).
//  - Visible labels are aria-hidden: the links already carry the same names.
//  - The same data goes in a table (MapDataTable): small shapes get no visible label.
// Styling is by class only: the CSP forbids style attributes, and fill/stroke presentation
// attributes would fight the stylesheet (see map.css next to this file). The one exception is
// `transform` on a turned label: geometry, and a per-label angle cannot be a class.
import { checkHref } from "./href.js";
import { layoutMap, MARKER_RADIUS, type LabelMode, type MapFeature } from "./layout.js";
import type { LonLat } from "./geometry.js";

export interface SvgMapProps<F extends MapFeature = MapFeature> {
  /** Accessible name, e.g. "Carte des quartiers de Lille". */
  title: string;
  /** What the map shows and where the same data is, e.g. "… Les données sont dans le tableau
   *  qui suit la carte." Say here what the marker is: it is part of the picture. */
  description: string;
  /** Drawn, and reached with Tab, in this order: later features paint over earlier ones, and
   *  earlier ones win label space. Put quartiers first, QPV after. */
  features: readonly F[];
  /** viewBox width (default 800). The SVG scales to its container and its text with it, so
   *  render near the displayed width: at 800 shown 360 px wide, 14-unit labels are 6 px. */
  width?: number;
  /** Default: the height that fits the features at this width. */
  height?: number;
  marker?: LonLat | null;
  /** Name of the marker (its <title>), e.g. "Votre adresse". */
  markerLabel?: string;
  /** Makes the title/desc ids unique in the page: two maps need two prefixes. */
  idPrefix: string;
  labels?: LabelMode;
  labelSize?: number;
  /** Lets the client script turn a click into a position (data-module="map-pick"). */
  pickable?: boolean;
}

/** "QPV 2024" → "qpv-2024": a kind must not inject other classes. */
function kindClass(kind: string | undefined): string {
  const slug = (kind ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug ? ` map__shape--${slug}` : "";
}

/**
 * The map as an inline <svg>. Deterministic: cache the rendered page (the Lille quartiers take
 * a few tens of ms once warm, mostly label fitting). Throws on an unsafe href or idPrefix.
 */
export function SvgMap<F extends MapFeature>(props: SvgMapProps<F>) {
  const { title, description, features, idPrefix } = props;
  if (!/^[A-Za-z][\w-]*$/.test(idPrefix)) throw new TypeError(`idPrefix invalide : « ${idPrefix} »`);
  const layout = layoutMap(features, {
    width: props.width,
    height: props.height,
    marker: props.marker,
    labels: props.labels,
    labelSize: props.labelSize,
  });
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const hasLinks = features.some((f) => f.href);
  const labelled = layout.shapes.filter((s) => s.label);
  const highlighted = layout.shapes.filter((s) => s.feature.highlighted);

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="map"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role={hasLinks ? "group" : "img"}
      aria-labelledby={titleId}
      aria-describedby={descId}
      {...(props.pickable
        ? {
            "data-module": "map-pick",
            "data-scale": String(layout.projection.scale),
            "data-tx": String(layout.projection.tx),
            "data-ty": String(layout.projection.ty),
          }
        : {})}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g class="map__shapes">
        {layout.shapes.map(({ feature, d }) => {
          const cls = `map__shape${kindClass(feature.kind)}${feature.highlighted ? " map__shape--highlighted" : ""}`;
          return feature.href ? (
            <a href={checkHref(feature.href)} class="map__link" aria-label={feature.label}>
              <path class={cls} d={d} />
            </a>
          ) : (
            <path class={cls} d={d}>
              <title>{feature.label}</title>
            </path>
          );
        })}
      </g>
      {highlighted.length > 0 ? (
        // The outline of a highlighted shape again, on top: drawn in place, its thick border
        // would be half covered by the neighbours painted after it. Moving the shape itself last
        // would change the tab order instead.
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group without tabindex is not focusable; the copies it holds are decoration
        <g class="map__overlay" aria-hidden="true">
          {highlighted.map(({ d }) => (
            <path class="map__outline" d={d} />
          ))}
        </g>
      ) : null}
      {labelled.length > 0 ? (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group without tabindex is not focusable; the labels repeat the shapes' accessible names
        <g class="map__labels" aria-hidden="true">
          {labelled.map(({ label }) => (
            <text class="map__label" transform={label!.angle ? `rotate(${label!.angle} ${label!.x} ${label!.y})` : undefined}>
              {label!.lines.map((line) => (
                <tspan x={line.x} y={line.y}>
                  {line.text}
                </tspan>
              ))}
            </text>
          ))}
        </g>
      ) : null}
      {layout.marker ? (
        <circle class="map__marker" cx={layout.marker.x} cy={layout.marker.y} r={MARKER_RADIUS}>
          <title>{props.markerLabel ?? "Point indiqué"}</title>
        </circle>
      ) : null}
    </svg>
  );
}
