// A small, realistic site built with the factories for the browser journeys.
import { createArticle, createImage, createNeighbourhood, createPage, createSite, createTheme } from "../factories.js";
import type { TestWorld } from "../helpers.js";

export async function buildDemoWorld(w: TestWorld) {
  await createSite(w.db, { site_name: "Ville d’Essai", tagline: "L’actualité de la ville et de ses quartiers" });
  const media = `${w.dataDir}/media`;
  const emploi = await createTheme(w.db, { slug: "emploi", name: "Emploi", color: "#1d5e3a", description: "Trouver un emploi, se former." });
  const commerces = await createTheme(w.db, { slug: "commerces", name: "Commerces", color: "#8a3b12" });
  const fives = await createNeighbourhood(w.db, { slug: "fives", name: "Fives" });
  const qpv = await createNeighbourhood(w.db, { slug: "qpv-secteur-test", name: "Secteur Test", kind: "qpv", code: "QN05999X" });
  const solidarite = await createPage(w.db, { slug: "solidarite", title: "Solidarité", menuTitle: "Solidarité" });
  const policy = await createPage(w.db, {
    slug: "politique-de-la-ville",
    title: "Notre action pour les quartiers prioritaires",
    parent: solidarite,
    featured: true,
    themeIds: [emploi.id],
    heroMediaId: await createImage(w.db, media, { alt: "Immeubles d’un quartier", caption: "Un quartier en renouvellement.", credit: "Illustration Essai" }),
    body: "<h2>Trois piliers</h2><p>Emploi, cohésion sociale, cadre de vie.</p><ul><li>Un</li><li>Deux</li></ul>",
  });
  const articles = [];
  for (let i = 0; i < 8; i++) {
    articles.push(
      await createArticle(w.db, {
        slug: `article-${i}`,
        title: `Actualité numéro ${i} du quartier`,
        standfirst:
          "Un chapô assez long pour être coupé sur les cartes de la page, afin de vérifier que le texte s’arrête proprement sur un mot entier, sans couper un mot en deux ni laisser de ponctuation.",
        themeIds: [i % 2 ? emploi.id : commerces.id],
        neighbourhoodIds: [i % 3 ? fives.id : qpv.id],
        publishedAt: new Date(Date.now() - (i + 1) * 86_400_000),
        heroMediaId: await createImage(w.db, media, { alt: `Illustration de l’actualité ${i}`, caption: `Légende ${i}.`, credit: "Photo Dan. R." }),
        body: `<p>Premier paragraphe de l’actualité ${i}.</p><h2>Intertitre</h2><p>Suite du texte avec un <a href="/actualites">lien</a>.</p><blockquote><p>Une citation.</p></blockquote>`,
      }),
    );
  }
  return { emploi, commerces, fives, qpv, solidarite, policy, articles };
}
