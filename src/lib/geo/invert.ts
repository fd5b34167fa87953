// Inverse of d3's Mercator projection once fitted (scale k, translate tx/ty, no rotation):
// x = k·λ + tx and y = ty − k·ln(tan(π/4 + φ/2)). Kept free of d3 so the browser script can
// use it to turn a click on a server-rendered map into a longitude and latitude.
export interface MercatorParams {
  scale: number;
  tx: number;
  ty: number;
}

export function invertMercator(p: MercatorParams, x: number, y: number): [lon: number, lat: number] {
  const lambda = (x - p.tx) / p.scale;
  const phi = 2 * Math.atan(Math.exp((p.ty - y) / p.scale)) - Math.PI / 2;
  return [(lambda * 180) / Math.PI, (phi * 180) / Math.PI];
}
