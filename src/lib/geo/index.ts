// Maps of quartiers and QPV: validation, point lookup, and server-rendered accessible SVG.
export {
  areaKm2,
  bbox,
  centroid,
  GeometryError,
  normalizeFeature,
  normalizeGeometry,
  polygonsOf,
  type AreaFeature,
  type AreaGeometry,
  type BBox,
  type GeometryErrorCode,
  type LonLat,
  type NormalizeOptions,
} from "./geometry.js";
export { rewind } from "./winding.js";
export { invertMercator, type MercatorParams } from "./invert.js";
export { containsPoint, locate } from "./contains.js";
export { layoutMap, type LabelMode, type LayoutOptions, type MapFeature, type MapLabel, type MapLayout, type ShapeLayout } from "./layout.js";
export { SvgMap, type SvgMapProps } from "./svg-map.js";
export { MapDataTable, type MapDataColumn, type MapDataRow, type MapDataTableProps } from "./data-table.js";
