// What the digests module offers to other modules (its routes and jobs are in manifest.ts).
export { settingsOf } from "./service.js";
