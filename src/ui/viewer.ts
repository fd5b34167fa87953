// Who is looking at the page. Anonymous pages are cached and shared, so only a
// signed-in request (never cached) carries a viewer with a name, a CSRF token and
// favourites. Components read it through context instead of prop drilling.
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export interface Viewer {
  signedIn: boolean;
  displayName: string;
  csrfToken: string;
  favourites: ReadonlySet<number>;
  /** Politique de la Ville actions among the favourites. */
  favouriteActions: ReadonlySet<number>;
  /** Neighbourhoods the person follows (their interests). */
  followed: ReadonlySet<number>;
  /** Unread on-site notices (the participation inbox), shown beside "Mon compte"; 0 when none. */
  unreadNotices: number;
  /** Path and query of the page being rendered: where favourite forms come back to. */
  currentUrl: string;
}

/** What the modules tell about a signed-in viewer (core/module.ts `viewerFacts`). */
export type ViewerFacts = Pick<Viewer, "favourites" | "favouriteActions" | "followed" | "unreadNotices">;

export const ANONYMOUS: Viewer = {
  signedIn: false,
  displayName: "",
  csrfToken: "",
  favourites: new Set(),
  favouriteActions: new Set(),
  followed: new Set(),
  unreadNotices: 0,
  currentUrl: "/",
};

export const ViewerContext = createContext<Viewer>(ANONYMOUS);

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}
