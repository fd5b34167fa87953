// The text alternative of a map: the same features, as a table (DESIGN-BRIEF: "the same data in
// a table below ('Voir les données')"). Inside <details> by default so it does not lengthen the
// page; <details> works without JavaScript and is keyboard operable.
import type { ComponentChildren } from "preact";
import { checkHref } from "./href.js";
import type { MapFeature } from "./layout.js";

export interface MapDataColumn<F> {
  header: string;
  /** Already formatted for display (French separators: see src/lib/format.ts). */
  value: (feature: F) => ComponentChildren;
  /** Right-aligned (class map-data__num). */
  numeric?: boolean;
}

export type MapDataRow = Pick<MapFeature, "id" | "label" | "href">;

export interface MapDataTableProps<F extends MapDataRow> {
  caption: string;
  features: readonly F[];
  columns?: readonly MapDataColumn<F>[];
  /** Header of the first column. */
  labelHeader?: string;
  /** Text of the <summary>; null renders the bare table. */
  summary?: string | null;
}

export function MapDataTable<F extends MapDataRow>(props: MapDataTableProps<F>) {
  const { caption, features, columns = [], labelHeader = "Nom", summary = "Voir les données" } = props;
  const table = (
    <table class="map-data__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          {columns.map((c) => (
            <th scope="col" class={c.numeric ? "map-data__num" : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {features.map((f) => (
          <tr>
            <th scope="row">{f.href ? <a href={checkHref(f.href)}>{f.label}</a> : f.label}</th>
            {columns.map((c) => (
              <td class={c.numeric ? "map-data__num" : undefined}>{c.value(f)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (summary === null) return <div class="map-data">{table}</div>;
  return (
    <details class="map-data">
      <summary>{summary}</summary>
      {table}
    </details>
  );
}
