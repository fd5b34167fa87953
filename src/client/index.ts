// Browser entry. Each enhanced component is marked with data-module="name" in the HTML;
// each is initialised on its own so one failing component does not break the others.
// Everything works without this script: it only enhances.
import { initMenu } from "./menu.js";
import { initShare } from "./share.js";
import { initFavourite } from "./favourite.js";
import { initErrorSummary } from "./error-summary.js";
import { initLocate } from "./locate.js";
import { initMapPick } from "./map-pick.js";

const modules: Record<string, (el: HTMLElement) => void> = {
  menu: initMenu,
  share: initShare,
  favourite: initFavourite,
  "error-summary": initErrorSummary,
  locate: initLocate,
  "map-pick": initMapPick,
};

function init() {
  document.documentElement.classList.add("js");
  document.querySelectorAll<HTMLElement>("[data-module]").forEach((el) => {
    const name = el.dataset.module ?? "";
    const setup = modules[name];
    if (!setup || el.dataset.moduleReady) return;
    try {
      setup(el);
      el.dataset.moduleReady = "true";
    } catch (error) {
      console.error(`Module ${name} failed`, error);
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
