import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: {
    title: "Demande incorrecte",
    text: "La demande contient une valeur que nous ne pouvons pas traiter. Vérifiez l’adresse ou le formulaire, puis réessayez.",
  },
  403: {
    title: "Accès refusé",
    text: "Cette action n’a pas pu être vérifiée : la page était peut-être ouverte depuis longtemps, ou venait d’un autre site. Revenez en arrière, rechargez la page, puis réessayez.",
  },
  404: { title: "Page introuvable", text: "La page que vous cherchez n’existe pas ou a été déplacée." },
  413: { title: "Demande trop volumineuse", text: "Les données envoyées dépassent la taille acceptée. Réduisez-les, puis réessayez." },
  415: {
    title: "Type de contenu non pris en charge",
    text: "Ce formulaire n’accepte que les données d’un formulaire web. Revenez en arrière, rechargez la page, puis réessayez.",
  },
  429: { title: "Trop de demandes", text: "Vous avez fait trop de demandes en peu de temps. Patientez un instant, puis réessayez." },
  500: { title: "Erreur du serveur", text: "Une erreur s’est produite de notre côté. Réessayez dans quelques instants." },
  503: { title: "Service momentanément indisponible", text: "Le site est momentanément indisponible. Réessayez dans quelques instants." },
};

export function errorMessage(status: number) {
  return MESSAGES[status] ?? MESSAGES[status >= 500 ? 500 : 400]!;
}

export function ErrorPage({ ctx, status, errorId }: { ctx: PageContext; status: number; errorId?: string }) {
  const m = errorMessage(status);
  return (
    <Layout ctx={ctx} meta={{ title: m.title, description: m.text, canonicalPath: ctx.currentUrl.split("?")[0] ?? "/", noindex: true }}>
      <div class="error-page">
        <p class="error-page__code">Erreur {status}</p>
        <h1>{m.title}</h1>
        <p class="lead">{m.text}</p>
        {errorId ? (
          <p>
            Si le problème persiste, indiquez ce code en nous contactant : <code>{errorId}</code>
          </p>
        ) : null}
        <ul class="error-page__links">
          <li>
            <a href="/">Retour à l’accueil</a>
          </li>
          <li>
            <a href="/plan-du-site">Plan du site</a>
          </li>
          <li>
            <a href="/recherche">Rechercher sur le site</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}

/** Last resort when even the page frame cannot be built (database unreachable). */
export function bareErrorHtml(status: number, errorId?: string): string {
  const m = errorMessage(status);
  const id = errorId ? `<p>Code : <code>${errorId.replace(/[^a-zA-Z0-9-]/g, "")}</code></p>` : "";
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.title}</title></head><body><main><h1>${m.title}</h1><p>${m.text}</p>${id}<p><a href="/">Retour à l’accueil</a></p></main></body></html>`;
}
