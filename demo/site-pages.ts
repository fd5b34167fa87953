// The institutional pages every deployment needs (footer links). Their text is generic;
// a commune edits it in the back office once it exists.
import type { DemoPage } from "./types.js";

export function sitePages(siteName: string): DemoPage[] {
  const base = { parent: null, themes: [] as string[], neighbourhoods: [] as string[], featured: false, illustration: null };
  return [
    {
      ...base,
      slug: "accessibilite",
      title: "Déclaration d’accessibilité",
      standfirst: `${siteName} s’engage à rendre son site internet accessible à toutes et à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.`,
      body: `<h2>État de conformité</h2>
<p>Le site est <strong>partiellement conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1. Chaque modèle de page est contrôlé automatiquement à chaque évolution du site ; un audit complet reste à conduire.</p>
<h2>Ce que nous faisons</h2>
<ul>
<li>des pages qui fonctionnent sans JavaScript, au clavier comme à la souris ;</li>
<li>des liens d’évitement, un plan du site et un moteur de recherche pour trouver une page de plusieurs façons ;</li>
<li>des images décrites par un texte alternatif, des contrastes vérifiés, un texte lisible sur téléphone.</li>
</ul>
<h2>Signaler un problème</h2>
<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez-nous : nous vous répondrons et vous proposerons une autre façon d’obtenir l’information.</p>
<h2>Voies de recours</h2>
<p>Si vous n’obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits, par son formulaire en ligne ou par courrier postal gratuit.</p>`,
    },
    {
      ...base,
      slug: "mentions-legales",
      title: "Mentions légales",
      standfirst: `Qui publie ce site, qui l’héberge, et sous quelles conditions réutiliser ses contenus.`,
      body: `<h2>Éditeur</h2>
<p>Le site est édité par ${siteName}. Le directeur de la publication est le maire.</p>
<h2>Logiciel</h2>
<p>Le site fonctionne avec Portail, un logiciel libre publié sous licence AGPL.</p>
<h2>Réutilisation des contenus</h2>
<p>Les textes peuvent être repris en citant la source et la date de mise à jour. Les illustrations restent la propriété de leurs auteurs, indiqués sous chaque image.</p>
<h2>Cookies</h2>
<p>Le site ne dépose aucun cookie sur les pages publiques et n’utilise aucun traceur publicitaire ni outil de mesure d’audience tiers.</p>`,
    },
    {
      ...base,
      slug: "donnees-personnelles",
      title: "Données personnelles",
      standfirst: `Ce que ${siteName} sait de vous quand vous consultez le site ou créez un compte, pourquoi, combien de temps, et comment exercer vos droits.`,
      body: `<h2>Consulter le site</h2>
<p>Consulter le site ne demande aucun compte. Aucun cookie n’est déposé sur les pages publiques et aucune donnée n’est transmise à un réseau social : les boutons de partage sont de simples liens, qui ne contactent le réseau choisi que si vous cliquez dessus. Il n’y a ni publicité ni outil de mesure d’audience tiers.</p>
<h2>Votre compte</h2>
<p>Si vous créez un compte, nous conservons :</p>
<ul>
<li><strong>votre adresse e-mail</strong>, pour vous connecter et vous écrire au sujet de votre compte (confirmation d’adresse, mot de passe oublié, changement de mot de passe) ;</li>
<li><strong>votre mot de passe</strong>, sous une forme chiffrée qui ne permet pas de le retrouver ;</li>
<li><strong>le nom affiché</strong> que vous choisissez, s’il y en a un ;</li>
<li><strong>vos thèmes et vos quartiers</strong>, pour vous montrer l’actualité qui vous concerne ;</li>
<li><strong>vos favoris</strong>, avec la date d’ajout ;</li>
<li><strong>vos connexions</strong> : le type de navigateur, la date de connexion et de dernière activité, pour que vous puissiez les voir et les fermer ;</li>
<li><strong>votre choix pour la lettre d’information</strong> et sa date : elle ne vous est envoyée que si vous l’avez demandée.</li>
</ul>
<p>Ces données servent uniquement à faire fonctionner votre compte. Elles ne sont ni vendues, ni cédées, ni utilisées pour de la publicité.</p>
<h2>Combien de temps</h2>
<ul>
<li>votre compte et ses données : jusqu’à ce que vous le supprimiez ;</li>
<li>une connexion : 14 jours sans activité, 30 jours au plus ;</li>
<li>les liens envoyés par e-mail : 24 heures pour confirmer une adresse, une heure pour changer de mot de passe ;</li>
<li>les compteurs de tentatives de connexion, qui protègent les comptes : une journée, sans adresse e-mail en clair.</li>
</ul>
<h2>Vos droits</h2>
<ul>
<li><strong>Accès et portabilité</strong> : téléchargez toutes vos données depuis « Mes données » dans votre compte.</li>
<li><strong>Rectification</strong> : modifiez votre nom, votre adresse, vos thèmes et vos quartiers dans « Mes préférences ».</li>
<li><strong>Retrait du consentement</strong> : décochez la lettre d’information à tout moment.</li>
<li><strong>Effacement</strong> : supprimez votre compte depuis « Mes données » ; la suppression est immédiate.</li>
</ul>
<p>Pour toute autre demande, écrivez au délégué à la protection des données de la collectivité. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL.</p>
<h2>Journaux techniques</h2>
<p>Le serveur garde pendant une durée limitée des journaux techniques (adresse de la page, date, erreurs) pour assurer la sécurité du site. Les mots de passe, les cookies et les adresses e-mail n’y figurent pas.</p>`,
    },
  ];
}
