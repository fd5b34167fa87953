// Client for the search endpoint of the Base Adresse Nationale API (format documented at
// https://adresse.data.gouv.fr/api-doc/adresse): GET {baseUrl}/search/?q=…&limit=… answers a
// GeoJSON FeatureCollection of Point features (WGS-84 [lon, lat]) whose properties carry
// label, score (0 to 1), type, postcode, citycode (INSEE), city, context, id, x and y.
// x/y are in the legal projection (Lambert-93 in mainland France), so positions are taken
// from geometry.coordinates instead.
//
// The answer comes from another service, so it is validated field by field: a malformed
// feature makes the whole answer "invalid-response" rather than placing a pin in the sea.

export type GeocodeType = "housenumber" | "street" | "locality" | "municipality";

export interface GeocodeResult {
  label: string;
  lon: number;
  lat: number;
  score: number;
  postcode: string;
  citycode: string;
  city: string;
  type: GeocodeType;
}

export interface GeocoderOptions {
  /** e.g. "https://api-adresse.data.gouv.fr", or a self-hosted instance. */
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export interface SearchOptions {
  limit?: number;
  /** INSEE code of the commune, to restrict results to the city. */
  citycode?: string;
  postcode?: string;
}

export interface Geocoder {
  search(query: string, opts?: SearchOptions): Promise<GeocodeResult[]>;
}

export type GeocoderErrorKind = "timeout" | "http" | "invalid-response" | "network";

// Shown to residents as is, so each one says what to do next; the map is always a fallback.
const MESSAGES: Record<GeocoderErrorKind, string> = {
  timeout: "Le service de recherche d’adresse ne répond pas. Réessayez, ou indiquez votre position sur la carte.",
  http: "Le service de recherche d’adresse est momentanément indisponible. Réessayez dans quelques instants, ou indiquez votre position sur la carte.",
  "invalid-response": "Le service de recherche d’adresse a renvoyé une réponse inattendue. Indiquez votre position sur la carte.",
  network: "Le service de recherche d’adresse est injoignable pour le moment. Réessayez plus tard, ou indiquez votre position sur la carte.",
};
const TOO_MANY_REQUESTS = "Trop de recherches d’adresse en peu de temps. Patientez quelques secondes, ou indiquez votre position sur la carte.";

export class GeocoderError extends Error {
  readonly kind: GeocoderErrorKind;
  /** HTTP status, for kind "http". */
  readonly status: number | undefined;
  /** Technical detail for logs; the message is for residents. */
  readonly detail: string;

  constructor(kind: GeocoderErrorKind, detail: string, options: { status?: number; cause?: unknown } = {}) {
    super(kind === "http" && options.status === 429 ? TOO_MANY_REQUESTS : MESSAGES[kind], { cause: options.cause });
    this.name = "GeocoderError";
    this.kind = kind;
    this.status = options.status;
    this.detail = detail;
  }
}

const MIN_QUERY_LENGTH = 3;
const MAX_QUERY_LENGTH = 200;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 20; // a suggestion list longer than this is of no use to anyone
// A full answer of MAX_LIMIT features is a few tens of kB: anything far larger is not a BAN answer.
const MAX_BODY_BYTES = 1024 * 1024;

export function createGeocoder({ baseUrl, timeoutMs = 4000, fetch = globalThis.fetch }: GeocoderOptions): Geocoder {
  const endpoint = new URL(`${baseUrl.replace(/\/+$/, "")}/search/`);

  async function search(query: string, opts: SearchOptions = {}): Promise<GeocodeResult[]> {
    const q = normalizeQuery(query);
    if (q === null) return [];
    const limit = clampLimit(opts.limit);

    const url = new URL(endpoint);
    const params = new URLSearchParams({ q, limit: String(limit) });
    if (opts.citycode?.trim()) params.set("citycode", opts.citycode.trim());
    if (opts.postcode?.trim()) params.set("postcode", opts.postcode.trim());
    url.search = params.toString();

    // One timer for the whole exchange, body included: a server that sends headers and then
    // stalls must not hang the resident's form.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let body: string;
      try {
        const response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          throw new GeocoderError("http", `HTTP ${response.status} from ${url.origin}`, { status: response.status });
        }
        body = await readCapped(response, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof GeocoderError) throw error;
        if (controller.signal.aborted) {
          throw new GeocoderError("timeout", `no complete answer from ${url.origin} within ${timeoutMs} ms`, { cause: error });
        }
        throw new GeocoderError("network", `cannot reach ${url.origin}: ${String(error)}`, { cause: error });
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (error) {
        throw new GeocoderError("invalid-response", "body is not JSON", { cause: error });
      }
      return parseFeatureCollection(json).slice(0, limit);
    } finally {
      clearTimeout(timer);
    }
  }

  return { search };
}

/** Trimmed, whitespace-collapsed query capped at MAX_QUERY_LENGTH characters, or null if too short. */
function normalizeQuery(query: string): string | null {
  const chars = Array.from(query.replace(/\s+/g, " ").trim()); // code points: never split an emoji
  if (chars.length < MIN_QUERY_LENGTH) return null;
  return chars.slice(0, MAX_QUERY_LENGTH).join("").trimEnd();
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new GeocoderError("invalid-response", `body larger than ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

const TYPES: ReadonlySet<string> = new Set<GeocodeType>(["housenumber", "street", "locality", "municipality"]);

function parseFeatureCollection(json: unknown): GeocodeResult[] {
  if (!isObject(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    throw invalid("not a FeatureCollection");
  }
  return json.features.map((feature, i) => parseFeature(feature, i));
}

function parseFeature(feature: unknown, i: number): GeocodeResult {
  if (!isObject(feature) || feature.type !== "Feature") throw invalid(`features[${i}] is not a Feature`);
  const { geometry, properties: p } = feature;
  if (!isObject(geometry) || geometry.type !== "Point" || !Array.isArray(geometry.coordinates)) {
    throw invalid(`features[${i}].geometry is not a Point`);
  }
  const [lon, lat] = geometry.coordinates as unknown[];
  if (!isNumberIn(lon, -180, 180) || !isNumberIn(lat, -90, 90)) {
    throw invalid(`features[${i}] has coordinates out of range`);
  }
  if (!isObject(p)) throw invalid(`features[${i}] has no properties`);
  if (!isNonEmptyString(p.label)) throw invalid(`features[${i}].properties.label is not a string`);
  if (!isNumberIn(p.score, 0, 1)) throw invalid(`features[${i}].properties.score is not a number in [0, 1]`);
  if (typeof p.type !== "string" || !TYPES.has(p.type)) throw invalid(`features[${i}].properties.type is unknown`);
  if (!isNonEmptyString(p.city)) throw invalid(`features[${i}].properties.city is not a string`);
  // INSEE codes: five characters, "2A"/"2B" for Corsica.
  if (typeof p.citycode !== "string" || !/^(?:\d{2}|2[AB])\d{3}$/.test(p.citycode)) {
    throw invalid(`features[${i}].properties.citycode is not an INSEE code`);
  }
  if (p.postcode !== undefined && (typeof p.postcode !== "string" || !/^\d{5}$/.test(p.postcode))) {
    throw invalid(`features[${i}].properties.postcode is not a postcode`);
  }
  return {
    label: p.label,
    lon,
    lat,
    score: p.score,
    postcode: p.postcode ?? "",
    citycode: p.citycode,
    city: p.city,
    type: p.type as GeocodeType,
  };
}

function invalid(detail: string): GeocoderError {
  return new GeocoderError("invalid-response", detail);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;
}
