// Identity of the default (demo) deployment. Another commune replaces this file's
// values, or edits them in the database; no code depends on them.
export const demoSite = {
  site_name: "Ville de Lille",
  short_name: "Lille",
  tagline: "L’actualité de la ville et de ses quartiers",
  brand_color: "#1d4f91",
  brand_color_dark: "#12325c",
  contact_email: "contact@exemple.fr",
  contact_address: "Hôtel de ville, place Augustin-Laurent, 59000 Lille",
};
