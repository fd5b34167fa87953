// Every browser journey (test/e2e/*.e2e.ts), as ONE test file. Vitest gives each file its
// own task, and a project whose files must run one at a time is scheduled after all the
// other projects, in a phase of its own: the journeys then ran alone, one core idle, after
// the integration tests. As one file they run one after another in a single worker (never
// two Chromiums at once) while the other worker goes through the unit and integration
// files. Each journey still starts its own world: its own database, data folder, server
// and browser context.
// One journey alone: npx vitest run --project e2e -t "<its describe title>"
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { closeSharedBrowser } from "./browser.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const self = path.basename(fileURLToPath(import.meta.url));
const journeys = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".e2e.ts") && f !== self)
  .sort();
// Imported while Vitest collects this file: their describe blocks become this file's.
for (const file of journeys) await import(`./${file.replace(/\.ts$/, ".js")}`);

afterAll(closeSharedBrowser);
