// "Utiliser ma position": with the person's consent (the browser asks), sends the
// position to the same page as lon/lat, where the server answers as for an address.
// Shown only when the browser offers geolocation.
import { announce } from "./live.js";

export function initLocate(block: HTMLElement) {
  if (!("geolocation" in navigator)) return;
  const button = block.querySelector<HTMLButtonElement>("[data-locate-button]");
  if (!button) return;
  block.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    announce("Recherche de votre position…");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const params = new URLSearchParams({
          lon: position.coords.longitude.toFixed(5),
          lat: position.coords.latitude.toFixed(5),
        });
        window.location.assign(`${window.location.pathname}?${params}`);
      },
      () => {
        button.disabled = false;
        announce("Votre position n’a pas pu être obtenue. Saisissez une adresse ou choisissez votre quartier sur la carte.");
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}
