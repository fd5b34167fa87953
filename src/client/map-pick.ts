// On the address page, a click (or tap) on the map picks a position: it is turned back
// into longitude/latitude with the projection the server used, then answered like an
// address. Keyboard users keep the links of the shapes, the address field and
// "Utiliser ma position".
import { invertMercator } from "../lib/geo/invert.js";

export function initMapPick(svg: HTMLElement) {
  if (!(svg instanceof SVGSVGElement)) return;
  const params = { scale: Number(svg.dataset.scale), tx: Number(svg.dataset.tx), ty: Number(svg.dataset.ty) };
  if (!Number.isFinite(params.scale) || params.scale <= 0) return;
  svg.classList.add("map--pickable");
  svg.addEventListener("click", (event) => {
    const matrix = svg.getScreenCTM();
    if (!matrix) return;
    event.preventDefault();
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    // (no array destructuring here: esbuild cannot lower it for every browser target)
    const lonLat = invertMercator(params, point.x, point.y);
    const query = new URLSearchParams({ lon: lonLat[0].toFixed(5), lat: lonLat[1].toFixed(5) });
    window.location.assign(`${window.location.pathname}?${query}`);
  });
}
