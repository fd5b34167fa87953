import { describe, expect, it } from "vitest";
import { featureLines, parseFeatureCollection } from "./geojson.js";

describe("featureLines", () => {
  it("finds where each top-level feature starts, ignoring look-alikes in strings and properties", () => {
    const text = [
      "{",
      '  "type": "FeatureCollection", "name": "a \\" features [",',
      '  "features": [',
      '    {"type": "Feature", "properties": {"features": [1, 2]}, "geometry": null},',
      "    {",
      '      "type": "Feature", "properties": {"nom": "}]"}, "geometry": null',
      '    }, {"type": "Feature", "properties": {}, "geometry": null}',
      "  ]",
      "}",
    ].join("\n");
    expect(featureLines(text)).toEqual([4, 5, 7]);
    expect(parseFeatureCollection(text).features.map((f) => [f.index, f.line])).toEqual([
      [1, 4],
      [2, 5],
      [3, 7],
    ]);
  });

  it("gives line 1 to every feature of a one-line file", () => {
    const text = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature" }, { type: "Feature" }] });
    expect(featureLines(text)).toEqual([1, 1]);
  });

  it("refuses what is not a FeatureCollection", () => {
    expect(parseFeatureCollection('{"type": "Feature"}').errors[0]!.message).toContain("FeatureCollection");
  });
});
