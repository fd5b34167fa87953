// "Ajouter à mes favoris". Signed in: a form whose button carries aria-pressed; the
// client script turns the POST into a fetch and toggles the state without reload.
// Anonymous: a link to sign in that adds the favourite once signed in, then comes back.
import { safeReturnPath, signInHref } from "../../lib/return-path.js";
import { useViewer } from "../viewer.js";

const HEART = (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="20" height="20">
    <path d="M12 20.5 4.2 13a4.8 4.8 0 0 1 6.8-6.8l1 1 1-1a4.8 4.8 0 0 1 6.8 6.8z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
  </svg>
);

/** Comes back to the page it is on (`returnTo` overrides). `target` "action" is for a
 *  Politique de la Ville action instead of a content item. */
export function FavouriteButton({
  contentId,
  returnTo: explicit,
  title,
  compact,
  target = "contenu",
}: {
  contentId: number;
  returnTo?: string;
  title: string;
  compact?: boolean;
  target?: "contenu" | "action";
}) {
  const viewer = useViewer();
  const returnTo = explicit ?? viewer.currentUrl;
  const cls = compact ? "favourite favourite--compact" : "favourite";
  if (!viewer.signedIn) {
    const href = signInHref(returnTo, target === "contenu" ? { favori: contentId } : {});
    return (
      <a class={cls} href={href}>
        {HEART}
        <span>Ajouter à mes favoris</span>
        {compact ? <span class="sr-only"> : {title}</span> : null}
      </a>
    );
  }
  const on = (target === "action" ? viewer.favouriteActions : viewer.favourites).has(contentId);
  return (
    <form method="post" action="/compte/favoris" class="favourite-form" data-module="favourite">
      <input type="hidden" name="_csrf" value={viewer.csrfToken} />
      <input type="hidden" name="contenu" value={String(contentId)} />
      {target === "action" ? <input type="hidden" name="cible" value="action" /> : null}
      <input type="hidden" name="action" value={on ? "retirer" : "ajouter"} />
      <input type="hidden" name="retour" value={safeReturnPath(returnTo)} />
      <button type="submit" class={on ? `${cls} is-on` : cls} aria-pressed={on ? "true" : "false"}>
        {HEART}
        <span class="favourite__label">{on ? "Retirer de mes favoris" : "Ajouter à mes favoris"}</span>
        {compact ? <span class="sr-only"> : {title}</span> : null}
      </button>
    </form>
  );
}
