// Back-office entry, loaded only by /admin pages (the rich-text editor alone is far larger
// than the public script). Same contract as the public entry: each enhanced element is
// marked data-module="name", each module starts on its own, and every page works without it.
// Each area registers its modules in its own file so that they can grow independently.
import { initErrorSummary } from "../error-summary.js";
import { initMenu } from "../menu.js";
import { contentModules } from "./content.js";
import { mediaModules } from "./media.js";
import { policyModules } from "./policy.js";
import { initSessionTimeout } from "./session.js";
import { startModules, type ModuleSetup } from "../start.js";

const modules: Record<string, ModuleSetup> = {
  menu: initMenu,
  "error-summary": initErrorSummary,
  "session-timeout": initSessionTimeout,
  ...contentModules,
  ...mediaModules,
  ...policyModules,
};

startModules(modules);
