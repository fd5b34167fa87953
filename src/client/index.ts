// Browser entry. Each enhanced component is marked with data-module="name" in the HTML;
// each is initialised on its own so one failing component does not break the others.
// Everything works without this script: it only enhances.
import { initMenu } from "./menu.js";
import { initShare } from "./share.js";
import { initFavourite } from "./favourite.js";
import { initComments } from "./comments.js";
import { initErrorSummary } from "./error-summary.js";
import { initLocate } from "./locate.js";
import { initMapPick } from "./map-pick.js";
import { startModules } from "./start.js";

const modules: Record<string, (el: HTMLElement) => void> = {
  menu: initMenu,
  share: initShare,
  favourite: initFavourite,
  comments: initComments,
  "error-summary": initErrorSummary,
  locate: initLocate,
  "map-pick": initMapPick,
};

startModules(modules);
