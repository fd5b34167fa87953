// "Suis-je dans un quartier prioritaire ?"
import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { FollowButton } from "../../../ui/components/follow.js";
import { Layout } from "../../../ui/layout.js";
import { webPageJsonLd } from "../../../ui/seo.js";
import type { lookupPoint } from "../lookup.js";
import { MapOrHowToImport, type MappablePlace } from "./map.js";
import { ActionProgress, ExampleBadge, StatusTag } from "./parts.js";

type Answer = Awaited<ReturnType<typeof lookupPoint>>;

export interface LookupView {
  query: string;
  geocoder: boolean;
  error: string | null;
  candidates: Array<{ label: string; href: string }>;
  chosenLabel: string | null;
  answer: Answer | null;
  hasPerimeters: boolean;
  places: MappablePlace[];
}

export function LookupPage({ ctx, view }: { ctx: PageContext; view: LookupView }) {
  const crumbs: Crumb[] = [
    { label: "Accueil", href: "/" },
    { label: "Politique de la Ville", href: "/politique-de-la-ville" },
    { label: "Suis-je dans un quartier prioritaire ?" },
  ];
  const title = "Suis-je dans un quartier prioritaire ?";
  const a = view.answer;
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title,
        description: "Vérifiez si une adresse se trouve dans un quartier prioritaire, et découvrez les actions menées près de chez vous.",
        canonicalPath: "/politique-de-la-ville/adresse",
        jsonLd: [webPageJsonLd(ctx, { title, description: title, path: "/politique-de-la-ville/adresse" })],
      }}
    >
      <h1>{title}</h1>
      {view.geocoder ? (
        // biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is
        <form method="get" action="/politique-de-la-ville/adresse" class="form lookup-form" role="search">
          <div class="field">
            <label for="champ-adresse" class="field__label">
              Votre adresse
            </label>
            <p id="champ-adresse-aide" class="field__hint">
              Par exemple : 12 rue des Postes, Lille
            </p>
            <input
              id="champ-adresse"
              name="adresse"
              type="search"
              class="field__input"
              value={view.query}
              maxLength={200}
              autocomplete="street-address"
              aria-describedby="champ-adresse-aide"
            />
          </div>
          <button type="submit" class="button">
            Vérifier
          </button>
        </form>
      ) : (
        <p>La recherche par adresse n’est pas activée sur ce site. Utilisez votre position, ou choisissez votre quartier sur la carte.</p>
      )}
      <div class="lookup-locate" data-module="locate" hidden>
        <p>
          <button type="button" class="button button--secondary" data-locate-button>
            Utiliser ma position
          </button>
        </p>
        <p class="field__hint">Votre navigateur vous demandera votre accord. Votre position sert seulement à cette recherche : elle n’est pas conservée.</p>
      </div>

      {view.error ? (
        <div class="notice notice--warning" role="alert">
          <p>{view.error}</p>
        </div>
      ) : null}

      {view.candidates.length > 0 ? (
        <section class="section" aria-labelledby="adresses-trouvees">
          <h2 id="adresses-trouvees">{a ? "Ce n’est pas la bonne adresse ?" : "Adresses trouvées"}</h2>
          <ul class="link-list">
            {view.candidates.map((c) => (
              <li>
                <a href={c.href}>{c.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a ? (
        <section class="section lookup-answer" aria-labelledby="reponse">
          <h2 id="reponse">{view.chosenLabel ? `Réponse pour « ${view.chosenLabel} »` : "Réponse pour votre position"}</h2>
          {!a.hasQpvPerimeters ? (
            <p class="notice">Les périmètres des quartiers prioritaires ne sont pas encore chargés sur ce site : nous ne pouvons pas encore répondre.</p>
          ) : a.qpv.length > 0 ? (
            <p class="lookup-answer__verdict lookup-answer__verdict--yes" role="status">
              <strong>Oui</strong> : cette adresse se trouve dans le quartier prioritaire{" "}
              {a.qpv.map((p, i) => (
                <>
                  {i > 0 ? " et " : ""}
                  <a href={`/quartiers/${p.slug}`}>{p.name}</a> (code {p.code})
                </>
              ))}
              .
            </p>
          ) : (
            <p class="lookup-answer__verdict" role="status">
              <strong>Non</strong> : cette adresse ne se trouve pas dans un quartier prioritaire.
            </p>
          )}
          {a.quartiers.length > 0 ? (
            <p>
              Quartier :{" "}
              {a.quartiers.map((p, i) => (
                <>
                  {i > 0 ? ", " : ""}
                  <a href={`/quartiers/${p.slug}`}>{p.name}</a>
                </>
              ))}
              .
            </p>
          ) : a.hasPerimeters ? (
            <p>Cette position est en dehors des quartiers connus du site.</p>
          ) : null}
          <ul class="inline-list">
            {[...a.qpv, ...a.quartiers].map((p) => (
              <li>
                <FollowButton neighbourhoodId={p.id} name={p.name} />
              </li>
            ))}
          </ul>
          {a.actions.length > 0 ? (
            <>
              <h3>Les actions menées ici</h3>
              <ul class="action-list">
                {a.actions.map((x) => (
                  <li class="action-item">
                    <h4 class="action-item__title">
                      <a href={`/politique-de-la-ville/actions/${x.slug}`}>{x.title}</a>
                    </h4>
                    <p class="action-item__meta">
                      <StatusTag status={x.status} /> {x.is_example ? <ExampleBadge /> : null}
                    </p>
                    <ActionProgress status={x.status} progress={x.progress} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section class="section" aria-labelledby="lookup-carte">
        <h2 id="lookup-carte">Carte des quartiers</h2>
        <MapOrHowToImport
          places={view.places}
          idPrefix="carte-adresse"
          highlight={new Set(a ? [...a.qpv, ...a.quartiers].map((p) => p.slug) : [])}
          marker={a ? a.point : null}
          markerLabel="Votre adresse"
          pickable
        />
        {view.hasPerimeters ? <p class="hint">Avec JavaScript, vous pouvez aussi cliquer sur la carte à l’endroit de votre logement.</p> : null}
      </section>
    </Layout>
  );
}
