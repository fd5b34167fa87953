// Favourites use cases: add or remove one (idempotent), the list page, the data export, and
// the favourite asked for by an anonymous visitor, added once they sign in.
import type { DB } from "../../core/db/create-db.js";
import { NotFoundError } from "../../core/errors.js";
import { personalCacheOf } from "../../core/http/personal-cache.js";
import type { CardView } from "../../ui/view-models.js";
import { findItemsByIds, isPublishedNow, loadCards, PAGE_SIZE } from "../content/index.js";
import { actionExists } from "../policy/index.js";
import { presentExport, presentFavouriteAction, type FavouriteActionView, type FavouritesExport } from "./present.js";
import * as q from "./queries.js";

export interface FavouritesDeps {
  db: DB;
  now: () => Date;
}

export interface ToggleInput {
  /** A content item's id, or an action's when `target` is "action". */
  id: number;
  target: "contenu" | "action";
  add: boolean;
}

/**
 * Puts one favourite in or out and returns whether it is now a favourite. Both ways are
 * idempotent, so repeated or parallel requests end in the state the last one asked for.
 * Only an existing action or a published content item can be added (404 otherwise).
 *
 * A request that asks for the state the person's favourites already are in (a second click, a
 * form posted from a page older than the change) writes nothing: the favourite ids read at this
 * request's version (the viewer facts every signed-in page uses, kept in memory per person) say
 * so. Among parallel requests, such a one counts as coming first.
 */
export async function toggleFavourite(deps: FavouritesDeps, userId: number, input: ToggleInput): Promise<boolean> {
  const facts = await keptFavouriteFacts(deps.db, userId);
  if (facts && (input.target === "action" ? facts.favouriteActions : facts.favourites).has(input.id) === input.add) return input.add;
  const target = input.target === "action" ? { actionId: input.id } : { contentId: input.id };
  if (!input.add) {
    if (await q.removeFavourite(deps.db, userId, target)) forgetFacts(deps.db, userId);
    return false;
  }
  const exists = input.target === "action" ? await actionExists(deps.db, input.id) : await isPublishedNow(deps.db, input.id, deps.now());
  if (!exists) throw new NotFoundError();
  if (await q.addFavourite(deps.db, userId, target, deps.now())) forgetFacts(deps.db, userId);
  return true;
}

type FavouriteFacts = Awaited<ReturnType<typeof q.favouriteFacts>>;

/**
 * The ids a person keeps, as every signed-in page marks them (the module's viewer facts): kept in
 * memory until the person's version changes (core/http/personal-cache.ts). Null where this
 * process keeps nothing for them (no session seen: a script, the worker).
 */
export async function keptFavouriteFacts(db: DB, userId: number): Promise<FavouriteFacts | null> {
  const cache = personalCacheOf(db);
  if (!cache?.knows(userId)) return null;
  return cache.remember(userId, "favourites.facts", () => q.favouriteFacts(db, userId), { weight: (f) => f.favourites.size + f.favouriteActions.size });
}

/** The viewer facts of the manifest: from memory when kept, otherwise one indexed read. */
export async function viewerFavouriteFacts(db: DB, userId: number): Promise<FavouriteFacts> {
  return (await keptFavouriteFacts(db, userId)) ?? q.favouriteFacts(db, userId);
}

/** The favourite an anonymous visitor asked for before signing in; nothing when it cannot be one. */
export async function addFavouriteAfterSignIn(deps: FavouritesDeps, userId: number, contentId: number): Promise<void> {
  if (await isPublishedNow(deps.db, contentId, deps.now())) await q.addFavourite(deps.db, userId, { contentId }, deps.now());
  forgetFacts(deps.db, userId);
}

/**
 * The triggers bumped the person's version for their later requests (core/http/personal-cache.ts);
 * a response of this same request (a form shown again) must not show the ids kept before.
 */
function forgetFacts(db: DB, userId: number): void {
  personalCacheOf(db)?.forget(userId);
}

export interface FavouritesPageView {
  cards: CardView[];
  page: number;
  pageCount: number;
  total: number;
  /** Favourite actions, on the first page only. */
  actions: FavouriteActionView[];
}

/** One page of a person's favourites, newest first; a page past the end is a 404. */
export async function favouritesPage(db: DB, userId: number, page: number): Promise<FavouritesPageView> {
  const { ids, total } = await q.listFavourites(db, userId, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) throw new NotFoundError();
  const [rows, actions] = await Promise.all([findItemsByIds(db, ids), page === 1 ? q.listFavouriteActions(db, userId) : Promise.resolve([])]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cards = await loadCards(
    db,
    ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
  );
  return { cards, page, pageCount, total, actions: actions.map(presentFavouriteAction) };
}

export async function exportFavourites(db: DB, userId: number): Promise<FavouritesExport> {
  const [content, actions] = await Promise.all([q.listFavouriteContentForExport(db, userId), q.listFavouriteActions(db, userId, "all")]);
  return presentExport(content, actions);
}
