import { describe, expect, it } from "vitest";
import { invertMercator } from "./invert.js";
import { layoutMap } from "./layout.js";
import { geoMercator } from "d3-geo";

describe("invertMercator", () => {
  it("gives back the lon/lat that the fitted projection drew", () => {
    const square = {
      type: "Polygon" as const,
      coordinates: [
        [
          [3.0, 50.6],
          [3.1, 50.6],
          [3.1, 50.7],
          [3.0, 50.7],
          [3.0, 50.6],
        ],
      ],
    };
    const layout = layoutMap([{ id: "a", label: "A", geometry: square }], { width: 400 });
    const d3 = geoMercator().scale(layout.projection.scale).translate([layout.projection.tx, layout.projection.ty]);
    for (const point of [
      [3.02, 50.61],
      [3.09, 50.69],
      [3.05, 50.65],
    ] as const) {
      const [x, y] = d3([point[0], point[1]])!;
      const [lon, lat] = invertMercator(layout.projection, x, y);
      expect(lon).toBeCloseTo(point[0], 6);
      expect(lat).toBeCloseTo(point[1], 6);
    }
  });
});
