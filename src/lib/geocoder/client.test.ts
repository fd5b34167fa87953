// Runs the client against a real HTTP server on 127.0.0.1 that answers in the BAN format, so
// URL building, timeouts and socket handling are exercised as in production.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGeocoder, GeocoderError, type GeocoderErrorKind } from "./index.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let received: string[]; // raw request URLs, path and query string as sent
const stalled = new Set<Socket>(); // connections whose request is never answered

function listen(s: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port));
  });
}

function close(s: Server): Promise<void> {
  return new Promise((resolve, reject) => s.close((error) => (error ? reject(error) : resolve())));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req.url ?? "");
    handler(req, res);
  });
  baseUrl = `http://127.0.0.1:${await listen(server)}`;
});

beforeEach(() => {
  received = [];
  handler = (_req, res) => json(res, 200, featureCollection([]));
});

afterEach(() => {
  // A stalled answer would keep its socket open on the server side: destroy it so nothing
  // lingers. Idle keep-alive sockets are left alone, the client reuses them.
  for (const socket of stalled) socket.destroy();
  stalled.clear();
});

afterAll(async () => {
  server.closeAllConnections();
  await close(server);
});

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function featureCollection(features: unknown[]) {
  return { type: "FeatureCollection", version: "draft", features, attribution: "BAN", licence: "ETALAB-2.0", query: "q", limit: 5 };
}

// A feature as the BAN documents it, including the fields the client ignores (x/y in Lambert-93).
function banFeature(overrides: { coordinates?: unknown; properties?: Record<string, unknown> } = {}) {
  return {
    type: "Feature",
    geometry: { type: "Point", coordinates: overrides.coordinates ?? [3.081276, 50.630413] },
    properties: {
      label: "8 Rue Pierre Legrand 59800 Lille",
      score: 0.9712,
      housenumber: "8",
      id: "59350_6730_00008",
      name: "8 Rue Pierre Legrand",
      postcode: "59800",
      citycode: "59350",
      x: 706812.33,
      y: 7059434.61,
      city: "Lille",
      context: "59, Nord, Hauts-de-France",
      type: "housenumber",
      importance: 0.68,
      street: "Rue Pierre Legrand",
      ...overrides.properties,
    },
  };
}

async function expectGeocoderError(promise: Promise<unknown>, kind: GeocoderErrorKind): Promise<GeocoderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeocoderError);
  expect((error as GeocoderError).kind).toBe(kind);
  return error as GeocoderError;
}

describe("search", () => {
  it("sends q, limit and citycode to /search/ and maps the features", async () => {
    handler = (_req, res) =>
      json(
        res,
        200,
        featureCollection([
          banFeature(),
          banFeature({
            coordinates: [3.0573, 50.6292],
            properties: { label: "Rue Pierre Legrand 59000 Lille", type: "street", score: 0.5, postcode: "59000", housenumber: undefined },
          }),
        ]),
      );
    const geocoder = createGeocoder({ baseUrl });

    const results = await geocoder.search("  8 rue Pierre   Legrand ", { limit: 3, citycode: "59350" });

    expect(received).toEqual(["/search/?q=8+rue+Pierre+Legrand&limit=3&citycode=59350"]);
    expect(results).toEqual([
      {
        label: "8 Rue Pierre Legrand 59800 Lille",
        lon: 3.081276,
        lat: 50.630413,
        score: 0.9712,
        postcode: "59800",
        citycode: "59350",
        city: "Lille",
        type: "housenumber",
      },
      {
        label: "Rue Pierre Legrand 59000 Lille",
        lon: 3.0573,
        lat: 50.6292,
        score: 0.5,
        postcode: "59000",
        citycode: "59350",
        city: "Lille",
        type: "street",
      },
    ]);
  });

  it("encodes accents and apostrophes, sends postcode, and uses a default limit", async () => {
    await createGeocoder({ baseUrl }).search("place de l’Église d'Hellemmes", { postcode: "59260" });
    expect(received).toEqual(["/search/?q=place+de+l%E2%80%99%C3%89glise+d%27Hellemmes&limit=5&postcode=59260"]);
    const q = new URL(received[0]!, baseUrl).searchParams.get("q");
    expect(q).toBe("place de l’Église d'Hellemmes");
  });

  it("keeps a path in baseUrl and tolerates a trailing slash", async () => {
    await createGeocoder({ baseUrl: `${baseUrl}/geocodage/` }).search("rue Solférino");
    expect(received).toEqual(["/geocodage/search/?q=rue+Solf%C3%A9rino&limit=5"]);
  });

  it("keeps the limit between 1 and 20", async () => {
    const geocoder = createGeocoder({ baseUrl });
    await geocoder.search("rue Nationale", { limit: 500 });
    await geocoder.search("rue Nationale", { limit: 0 });
    await geocoder.search("rue Nationale", { limit: 2.7 });
    expect(received.map((u) => new URL(u, baseUrl).searchParams.get("limit"))).toEqual(["20", "1", "2"]);
  });

  it("returns no more results than the limit even if the server sends more", async () => {
    handler = (_req, res) => json(res, 200, featureCollection([banFeature(), banFeature(), banFeature()]));
    expect(await createGeocoder({ baseUrl }).search("rue Pierre Legrand", { limit: 2 })).toHaveLength(2);
  });

  it("returns [] for an empty or too short query without calling the server", async () => {
    const geocoder = createGeocoder({ baseUrl });
    for (const query of ["", "   ", "ab", "  é  ", " a\n ", "\n\t"]) expect(await geocoder.search(query)).toEqual([]);
    expect(received).toEqual([]);
  });

  it("sends a query of exactly 3 characters", async () => {
    await createGeocoder({ baseUrl }).search(" Lys ");
    expect(received).toEqual(["/search/?q=Lys&limit=5"]);
  });

  it("caps the query at 200 characters without splitting an emoji", async () => {
    const geocoder = createGeocoder({ baseUrl });
    await geocoder.search("a".repeat(500));
    await geocoder.search(`${"a".repeat(199)}🏠🏠🏠`);
    const sent = received.map((u) => new URL(u, baseUrl).searchParams.get("q"));
    expect(sent).toEqual(["a".repeat(200), `${"a".repeat(199)}🏠`]);
  });

  it("returns [] when the server finds nothing", async () => {
    expect(await createGeocoder({ baseUrl }).search("zzzz introuvable")).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const geocoder = createGeocoder({
      baseUrl: "https://api-adresse.data.gouv.fr",
      fetch: async (input) => {
        calls.push(String(input));
        return new Response(JSON.stringify(featureCollection([banFeature()])), { status: 200 });
      },
    });
    expect(await geocoder.search("8 rue Pierre Legrand")).toHaveLength(1);
    expect(calls).toEqual(["https://api-adresse.data.gouv.fr/search/?q=8+rue+Pierre+Legrand&limit=5"]);
  });
});

describe("errors", () => {
  it("reports an HTTP 500 as kind http with its status and a French message", async () => {
    handler = (_req, res) => json(res, 500, { code: 500, message: "Internal error" });
    const error = await expectGeocoderError(createGeocoder({ baseUrl }).search("rue Nationale"), "http");
    expect(error.status).toBe(500);
    expect(error.name).toBe("GeocoderError");
    expect(error.message).toBe(
      "Le service de recherche d’adresse est momentanément indisponible. Réessayez dans quelques instants, ou indiquez votre position sur la carte.",
    );
  });

  it("tells the resident to wait on HTTP 429 (the public API's rate limit)", async () => {
    handler = (_req, res) => {
      res.writeHead(429, { "retry-after": "5" });
      res.end("Too Many Requests");
    };
    const error = await expectGeocoderError(createGeocoder({ baseUrl }).search("rue Nationale"), "http");
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/^Trop de recherches d’adresse/);
  });

  it("times out when the server does not answer, and closes the connection", async () => {
    let serverSideClosed!: Promise<void>;
    handler = (req) => {
      // Never answer; note when the client gives up and the connection goes away.
      stalled.add(req.socket);
      serverSideClosed = new Promise((resolve) => req.socket.once("close", () => resolve()));
    };
    const error = await expectGeocoderError(createGeocoder({ baseUrl, timeoutMs: 200 }).search("rue Nationale"), "timeout");
    expect(error.message).toBe("Le service de recherche d’adresse ne répond pas. Réessayez, ou indiquez votre position sur la carte.");
    expect(received).toHaveLength(1);
    await serverSideClosed;
  });

  it("times out when the server sends headers and then stalls the body", async () => {
    handler = (req, res) => {
      stalled.add(req.socket);
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"type":"FeatureCollection","features":[');
    };
    await expectGeocoderError(createGeocoder({ baseUrl, timeoutMs: 200 }).search("rue Nationale"), "timeout");
  });

  it("reports malformed JSON as invalid-response", async () => {
    handler = (_req, res) => json(res, 200, '{"type":"FeatureCollection","features":[');
    const error = await expectGeocoderError(createGeocoder({ baseUrl }).search("rue Nationale"), "invalid-response");
    expect(error.message).toBe("Le service de recherche d’adresse a renvoyé une réponse inattendue. Indiquez votre position sur la carte.");
  });

  it("reports an HTML error page with status 200 as invalid-response", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Maintenance</body></html>");
    };
    await expectGeocoderError(createGeocoder({ baseUrl }).search("rue Nationale"), "invalid-response");
  });

  it.each([
    ["longitude out of range", featureCollection([banFeature({ coordinates: [183.2, 50.6] })])],
    ["latitude out of range", featureCollection([banFeature({ coordinates: [3.08, -91] })])],
    ["coordinates as strings", featureCollection([banFeature({ coordinates: ["3.08", "50.63"] })])],
    ["a single coordinate", featureCollection([banFeature({ coordinates: [3.08] })])],
    ["one bad feature among good ones", featureCollection([banFeature(), banFeature({ coordinates: [3.08, 1e9] })])],
    ["a missing label", featureCollection([banFeature({ properties: { label: undefined } })])],
    ["a label that is not a string", featureCollection([banFeature({ properties: { label: { html: "<b>" } } })])],
    ["a score above 1", featureCollection([banFeature({ properties: { score: 1.5 } })])],
    ["an unknown result type", featureCollection([banFeature({ properties: { type: "poi" } })])],
    ["a malformed citycode", featureCollection([banFeature({ properties: { citycode: "Lille" } })])],
    ["a malformed postcode", featureCollection([banFeature({ properties: { postcode: 59800 } })])],
    [
      "a geometry that is not a Point",
      featureCollection([
        {
          ...banFeature(),
          geometry: {
            type: "LineString",
            coordinates: [
              [3, 50],
              [3.1, 50.1],
            ],
          },
        },
      ]),
    ],
    ["features that are not an array", { type: "FeatureCollection", features: {} }],
    ["a bare array", [banFeature()]],
    ["null", null],
  ])("reports %s as invalid-response", async (_name, body) => {
    handler = (_req, res) => json(res, 200, body);
    await expectGeocoderError(createGeocoder({ baseUrl }).search("rue Nationale"), "invalid-response");
  });

  it("accepts Corsican citycodes and a missing postcode", async () => {
    handler = (_req, res) =>
      json(res, 200, featureCollection([banFeature({ coordinates: [8.738, 41.9192], properties: { citycode: "2A004", postcode: undefined } })]));
    const [result] = await createGeocoder({ baseUrl }).search("cours Napoléon Ajaccio");
    expect(result).toMatchObject({ citycode: "2A004", postcode: "" });
  });

  it("refuses an oversized body", async () => {
    handler = (_req, res) => json(res, 200, " ".repeat(2 * 1024 * 1024) + JSON.stringify(featureCollection([])));
    await expectGeocoderError(createGeocoder({ baseUrl }).search("rue Nationale"), "invalid-response");
  });

  it("reports a refused connection as network", async () => {
    const closed = createServer();
    const port = await listen(closed);
    await close(closed);
    const error = await expectGeocoderError(createGeocoder({ baseUrl: `http://127.0.0.1:${port}` }).search("rue Nationale"), "network");
    expect(error.message).toMatch(/^Le service de recherche d’adresse est injoignable/);
    expect(error.detail).toContain(`127.0.0.1:${port}`);
    expect(error.cause).toBeDefined();
  });
});
