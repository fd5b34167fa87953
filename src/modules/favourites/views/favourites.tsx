// "Mes favoris": the actions of the Politique de la Ville, then the content items, newest first.
import type { PageContext } from "../../../ui/context.js";
import { CardGrid } from "../../../ui/components/card.js";
import { FavouriteButton } from "../../../ui/components/favourite.js";
import { Pagination } from "../../../ui/components/pagination.js";
import { AccountFrame } from "../../accounts/index.js";
import { actionPath } from "../present.js";
import type { FavouritesPageView } from "../service.js";

const pageHref = (n: number) => (n > 1 ? `/compte/favoris?page=${n}` : "/compte/favoris");

export function FavouritesPage(props: FavouritesPageView & { ctx: PageContext }) {
  return (
    <AccountFrame ctx={props.ctx} title="Mes favoris" path="/compte/favoris" menu>
      {props.actions.length > 0 ? (
        <section class="section" aria-labelledby="favoris-actions">
          <h2 id="favoris-actions">Actions de la Politique de la Ville</h2>
          <ul class="action-list">
            {props.actions.map((a) => (
              <li class="action-item">
                <h3 class="action-item__title">
                  <a href={actionPath(a.slug)}>{a.title}</a>
                </h3>
                <FavouriteButton contentId={a.id} title={a.title} target="action" compact />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.total === 0 && props.actions.length === 0 ? (
        <p class="empty">Vous n’avez pas encore de favori. Utilisez le bouton « Ajouter à mes favoris » sur un article ou une page pour le retrouver ici.</p>
      ) : props.total === 0 ? null : (
        <>
          <p class="result-count">{props.total === 1 ? "1 favori" : `${props.total} favoris`}, du plus récent au plus ancien</p>
          <CardGrid cards={props.cards} headingLevel={2} />
          <Pagination page={props.page} pageCount={props.pageCount} href={pageHref} />
        </>
      )}
    </AccountFrame>
  );
}
