import { describe, expect, it } from "vitest";
import { decimal, isoDay, placesGeoJson } from "./present.js";

describe("decimal", () => {
  it("keeps numeric strings exact, with a dot and no trailing zeros", () => {
    expect(["12000.50", "300000.00", "42.5000", "0.0000", "7", "-12.30", "123456789012.34"].map(decimal)).toEqual([
      "12000.5",
      "300000",
      "42.5",
      "0",
      "7",
      "-12.3",
      "123456789012.34",
    ]);
  });
});

describe("isoDay", () => {
  it("reads SQL dates from both drivers as the same day, whatever the server's time zone", () => {
    const original = process.env.TZ;
    try {
      for (const tz of ["UTC", "Europe/Paris", "America/New_York", "Pacific/Auckland", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
        process.env.TZ = tz; // Node applies a TZ change at once
        const pgStyle = new Date(2025, 0, 1); // local midnight
        const pgliteStyle = new Date(Date.UTC(2025, 0, 1));
        expect([isoDay(pgStyle), isoDay(pgliteStyle)], tz).toEqual(["2025-01-01", "2025-01-01"]);
        expect(isoDay(new Date(2024, 1, 29)), tz).toBe("2024-02-29");
      }
    } finally {
      if (original === undefined)
        delete process.env.TZ; // assigning undefined would store "undefined"
      else process.env.TZ = original;
    }
    expect(isoDay(null)).toBeNull();
  });
});

describe("placesGeoJson", () => {
  it("publishes only area geometries, and null for the rest", () => {
    const row = {
      slug: "a",
      name: "A",
      kind: "qpv" as const,
      code: "QN1",
      population: null,
      commune_codes: [],
      geometry_source: "",
      geometry_updated_at: null,
      has_geometry: true,
    };
    const fc = placesGeoJson(
      [
        { ...row, geometry: { type: "Point", coordinates: [3, 50] } },
        { ...row, slug: "b", geometry: null },
      ],
      "https://x.test",
    );
    expect(fc.features.map((f) => f.geometry)).toEqual([null, null]);
    expect(fc.features[1]?.properties?.url).toBe("https://x.test/quartiers/b");
  });
});
