// What the places module offers: the themes and the neighbourhoods (quartiers and QPV) that
// content, accounts, the Politique de la Ville and open data all refer to.
export {
  listThemes,
  findThemeBySlug,
  themeColours,
  listNeighbourhoods,
  findNeighbourhoodBySlug,
  themeChoices,
  neighbourhoodChoices,
  existingThemeIds,
  existingNeighbourhoodIds,
  neighbourhoodExists,
} from "./queries.js";
// Perimeters (the Politique de la Ville maps, lookup and imports).
export { neighbourhoodsForMap, neighbourhoodPerimeter, neighbourhoodsForImport, insertNeighbourhood, updateNeighbourhood } from "./queries.js";
// The same lists kept in memory for one page cache generation (cache.ts): public pages.
export {
  placesSnapshot,
  themesByIds,
  neighbourhoodsByIds,
  cachedThemeBySlug,
  cachedNeighbourhoodBySlug,
  type PlacesSnapshot,
  type NeighbourhoodListRow,
  type CacheGeneration,
} from "./cache.js";
