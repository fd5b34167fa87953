// What the favourites module offers to other modules (its routes are in manifest.ts).
export { addFavouriteAfterSignIn } from "./service.js";
export { countFavourites } from "./queries.js";
export type { FavouritesExport } from "./present.js";
