// Favourite rows -> what the pages and the data export show (explicit fields, nothing else).
import type { listFavouriteActions, listFavouriteContentForExport } from "./queries.js";

export interface FavouriteActionView {
  id: number;
  slug: string;
  title: string;
}

type ActionRow = Awaited<ReturnType<typeof listFavouriteActions>>[number];
type ContentExportRow = Awaited<ReturnType<typeof listFavouriteContentForExport>>[number];

export const actionPath = (slug: string) => `/politique-de-la-ville/actions/${slug}`;

export function presentFavouriteAction(row: ActionRow): FavouriteActionView {
  return { id: row.id, slug: row.slug, title: row.title };
}

/** The "favourites" and "favouriteActions" parts of the personal-data export (RGPD art. 15 and 20). */
export interface FavouritesExport {
  favourites: Array<{ title: string; path: string; addedAt: Date }>;
  favouriteActions: Array<{ title: string; path: string; addedAt: Date }>;
}

export function presentExport(content: ContentExportRow[], actions: ActionRow[]): FavouritesExport {
  return {
    favourites: content.map((f) => ({ title: f.title, path: f.path, addedAt: f.created_at })),
    favouriteActions: actions.map((f) => ({ title: f.title, path: actionPath(f.slug), addedAt: f.created_at })),
  };
}
