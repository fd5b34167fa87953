export {
  createGeocoder,
  GeocoderError,
  type GeocodeResult,
  type GeocodeType,
  type Geocoder,
  type GeocoderErrorKind,
  type GeocoderOptions,
  type SearchOptions,
} from "./client.js";
