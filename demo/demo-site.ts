// Identity of the default (demo) deployment. Another commune replaces this file's
// values, or edits them in the database; no code depends on them.
/**
 * Official perimeter files the demo loads when the shared open-data folder is present
 * beside the checkout (../shared/data): the project never copies them into the repo.
 */
export const demoPerimeterFiles = { quartiers: "lille-quartiers.geojson" };

export const demoSite = {
  site_name: "Ville de Lille",
  short_name: "Lille",
  tagline: "L’actualité de la ville et de ses quartiers",
  brand_color: "#1d4f91",
  brand_color_dark: "#12325c",
  contact_email: "contact@exemple.fr",
  contact_address: "Hôtel de ville, place Augustin-Laurent, 59000 Lille",
  // Lille and its associated communes Hellemmes and Lomme (INSEE codes): the territory
  // used to keep only the relevant QPV when importing national files.
  commune_codes: ["59350", "59298", "59355"],
};
