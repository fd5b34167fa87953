// What the open-data module offers to other modules.

/**
 * The open-data pages, for sitemap.xml (the sitemap module): the catalogue and the API
 * documentation. The files and API answers they link to are data, not pages, and stay out of
 * the sitemap. No date: the catalogue shows the indicators, whose table keeps no change date,
 * and a lastmod older than the page's last change would be worse than none.
 */
export function openDataPublicUrls(): { path: string; lastmod: Date | null }[] {
  return [
    { path: "/donnees", lastmod: null },
    { path: "/donnees/api", lastmod: null },
  ];
}
