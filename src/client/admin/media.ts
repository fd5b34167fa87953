// Back-office scripts of the media area, by data-module name.
//
// focal-point: clicking on the preview sets the focal point fields (percentages of the
// width and height) and shows a marker there; typing in the fields moves the marker. The
// number fields stay the keyboard and no-script way to set it.
function initFocalPoint(el: HTMLElement) {
  const img = el.querySelector("img");
  const x = document.getElementById(el.dataset.xInput ?? "");
  const y = document.getElementById(el.dataset.yInput ?? "");
  if (!img || !(x instanceof HTMLInputElement) || !(y instanceof HTMLInputElement)) return;
  const marker = document.createElement("span");
  marker.className = "media-focal-marker";
  marker.setAttribute("aria-hidden", "true");
  el.appendChild(marker);
  el.classList.add("media-focal-picker--active");
  const hint = el.parentElement?.querySelector<HTMLElement>("[data-focal-hint]");
  if (hint) hint.hidden = false;

  const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));
  const read = (input: HTMLInputElement) => {
    const n = Number(input.value);
    return input.value.trim() === "" || !Number.isFinite(n) ? 50 : clamp(n);
  };
  const place = () => {
    marker.style.left = `${read(x)}%`;
    marker.style.top = `${read(y)}%`;
  };
  img.addEventListener("click", (event: MouseEvent) => {
    const box = img.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    x.value = String(clamp(((event.clientX - box.left) / box.width) * 100));
    y.value = String(clamp(((event.clientY - box.top) / box.height) * 100));
    x.dispatchEvent(new Event("change", { bubbles: true }));
    place();
    const live = document.querySelector<HTMLElement>("[data-live-region]");
    if (live) live.textContent = `Point d’intérêt : ${x.value} % en largeur, ${y.value} % en hauteur.`;
  });
  x.addEventListener("input", place);
  y.addEventListener("input", place);
  place();
}

export const mediaModules: Record<string, (el: HTMLElement) => void> = {
  "focal-point": initFocalPoint,
};
