import { formatDate, isoDay } from "../../lib/format.js";
import type { CardView } from "../view-models.js";
import { FavouriteButton } from "./favourite.js";
import { Picture } from "./picture.js";

const CARD_SIZES = "(min-width: 62em) 22rem, (min-width: 40em) 45vw, 92vw";

/** `priority`: this card's image is the largest paint of the page (the home lead). */
export function Card({ card, headingLevel = 3, priority }: { card: CardView; headingLevel?: 2 | 3; priority?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const titleId = `carte-${card.id}-titre`;
  return (
    <article class="card" aria-labelledby={titleId}>
      {card.image ? (
        <div class="card__media">
          <Picture image={card.image} sizes={CARD_SIZES} crop eager={priority} />
          {card.image.credit ? <p class="card__credit">{card.image.credit}</p> : null}
        </div>
      ) : null}
      <div class="card__body">
        {card.tag ? (
          <p class="card__tag">
            <a class={`tag tag--${card.tag.slug}`} href={card.tag.href}>
              {card.tag.name}
            </a>
          </p>
        ) : null}
        <Heading class="card__title" id={titleId}>
          <a href={card.url}>{card.title}</a>
        </Heading>
        {card.teaser ? <p class="card__teaser">{card.teaser}</p> : null}
        {card.date ? (
          <p class="card__date">
            <time dateTime={isoDay(card.date)}>{formatDate(card.date)}</time>
          </p>
        ) : null}
        <div class="card__actions">
          <FavouriteButton contentId={card.id} title={card.title} compact />
          <a class="card__more" href={card.url} aria-describedby={titleId}>
            Voir
          </a>
        </div>
      </div>
    </article>
  );
}

export function CardGrid({ cards, headingLevel }: { cards: CardView[]; headingLevel?: 2 | 3 }) {
  return (
    <ul class="card-grid">
      {cards.map((card) => (
        <li>
          <Card card={card} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
