// Demo dataset of the portal: themes, neighbourhoods, pages and news articles.
// The articles are fictional local news. Only the facts listed below are real:
// - the 10 quartiers of Lille and the associated communes of Hellemmes and Lomme
//   (Ville de Lille / MEL open data, see shared/data/SOURCES.md);
// - the codes and names of the 2024 quartiers prioritaires touching Lille
//   (décret n° 2023-1314 du 28 décembre 2023, ANCT – SIG Ville);
// - the renewal sites of the MEL renewal programme (NPRU), with the dates of approval
//   and the amounts quoted by the press releases listed in npru-mel-sites.json.
// People in the articles are invented and named by a first name and an initial only.

import type { DemoArticle, DemoNeighbourhood, DemoPage, DemoTheme } from "./types.js";

// Every colour gives at least 4.5:1 contrast with white text (WCAG 2.1 relative luminance).
export const themes: DemoTheme[] = [
  {
    slug: "emploi",
    name: "Emploi",
    description: "Offres, forums, formations et accompagnement : tout ce qui vous aide à trouver un emploi ou à changer de métier près de chez vous.",
    color: "#1f5fa8",
  },
  {
    slug: "commerces",
    name: "Commerces",
    description: "Ouvertures, marchés et portraits de commerçants : l’actualité des boutiques et des artisans de vos quartiers.",
    color: "#a3385d",
  },
  {
    slug: "economie",
    name: "Économie",
    description: "Création d’entreprise, économie sociale et solidaire, nouveaux lieux de travail : les initiatives qui font vivre l’économie locale.",
    color: "#5b4a9e",
  },
  {
    slug: "solidarite",
    name: "Solidarité",
    description:
      "Aide alimentaire, accès aux droits, entraide entre voisins : les services et les associations qui vous soutiennent quand la vie se complique.",
    color: "#b1361e",
  },
  {
    slug: "politique-de-la-ville",
    name: "Politique de la Ville",
    description: "Ce que la Ville et ses partenaires font dans les quartiers prioritaires : contrat de ville, renouvellement urbain, soutien aux associations.",
    color: "#0e6b6b",
  },
  {
    slug: "education",
    name: "Éducation",
    description: "Écoles, aide aux devoirs, réussite éducative et ateliers : l’actualité des enfants, des jeunes et de leurs familles.",
    color: "#8a4b00",
  },
  {
    slug: "culture",
    name: "Culture",
    description: "Spectacles, fêtes de quartier, lecture et pratiques artistiques : les rendez-vous culturels près de chez vous, souvent gratuits.",
    color: "#8e2c8c",
  },
  {
    slug: "sport",
    name: "Sport",
    description: "Clubs, équipements, événements et sportifs du territoire : de quoi bouger à tout âge, dans chaque quartier.",
    color: "#1d6b35",
  },
  {
    slug: "sante",
    name: "Santé",
    description: "Centres de santé, dépistages, prévention et accès aux soins : les informations utiles pour prendre soin de vous et de vos proches.",
    color: "#a1163f",
  },
  {
    slug: "cadre-de-vie",
    name: "Cadre de vie",
    description: "Travaux, espaces verts, propreté, logement et déplacements : ce qui change dans vos rues et vos parcs.",
    color: "#3f6a1e",
  },
  {
    slug: "citoyennete",
    name: "Citoyenneté",
    description: "Conseils citoyens, budget participatif, lutte contre les discriminations : les moyens de donner votre avis et d’agir pour votre quartier.",
    color: "#34495e",
  },
];

export const neighbourhoods: DemoNeighbourhood[] = [
  {
    slug: "bois-blancs",
    name: "Bois-Blancs",
    kind: "quartier",
    code: "1",
    description:
      "Quartier de l’ouest de Lille, au bord de la Deûle. Il fait partie des sites lillois du nouveau programme de renouvellement urbain de la Métropole.",
  },
  {
    slug: "lille-centre",
    name: "Lille-Centre",
    kind: "quartier",
    code: "2",
    description: "Le cœur commerçant et administratif de la ville, autour de la Grand-Place.",
  },
  {
    slug: "faubourg-de-bethune",
    name: "Faubourg de Béthune",
    kind: "quartier",
    code: "3",
    description: "Quartier du sud-ouest de Lille. Le secteur Concorde y fait l’objet d’un projet de renouvellement urbain.",
  },
  {
    slug: "fives",
    name: "Fives",
    kind: "quartier",
    code: "4",
    description: "Quartier de l’est de Lille, marqué par son passé industriel, entre le centre et Hellemmes.",
  },
  {
    slug: "lille-sud",
    name: "Lille-Sud",
    kind: "quartier",
    code: "5",
    description:
      "Le plus étendu des quartiers lillois, au sud de la ville. Il fait partie des sites du nouveau programme de renouvellement urbain de la Métropole.",
  },
  {
    slug: "lille-moulins",
    name: "Lille-Moulins",
    kind: "quartier",
    code: "6",
    description: "Quartier du sud de Lille, entre le centre-ville et Lille-Sud.",
  },
  {
    slug: "saint-maurice-pellevoisin",
    name: "Saint-Maurice Pellevoisin",
    kind: "quartier",
    code: "7",
    description: "Quartier du nord-est de Lille, au nord de Fives.",
  },
  {
    slug: "vauban-esquermes",
    name: "Vauban-Esquermes",
    kind: "quartier",
    code: "8",
    description: "Quartier de l’ouest de Lille, où se trouvent la Citadelle et son bois.",
  },
  {
    slug: "vieux-lille",
    name: "Vieux-Lille",
    kind: "quartier",
    code: "9",
    description: "Le quartier historique de Lille, au nord du centre-ville, connu pour ses rues pavées et ses façades anciennes.",
  },
  {
    slug: "wazemmes",
    name: "Wazemmes",
    kind: "quartier",
    code: "10",
    description: "Quartier populaire au sud-ouest du centre, connu pour son grand marché.",
  },
  {
    slug: "hellemmes",
    name: "Hellemmes",
    kind: "commune",
    code: "59298",
    description: "Commune associée à Lille, à l’est de la ville. Elle garde sa propre mairie et son conseil communal.",
  },
  {
    slug: "lomme",
    name: "Lomme",
    kind: "commune",
    code: "59355",
    description: "Commune associée à Lille, à l’ouest de la ville. Elle garde sa propre mairie et son conseil communal.",
  },
  {
    slug: "qpv-secteur-ouest",
    name: "Secteur Ouest",
    kind: "qpv",
    code: "QN05971M",
    description: "Quartier prioritaire de la politique de la ville, situé dans l’ouest de Lille, inscrit dans la liste en vigueur depuis le 1er janvier 2024.",
  },
  {
    slug: "qpv-secteur-sud",
    name: "Secteur Sud",
    kind: "qpv",
    code: "QN05972M",
    description: "Quartier prioritaire de la politique de la ville, dans le sud de Lille. Il s’étend aussi sur Faches-Thumesnil, Lezennes et Loos.",
  },
  {
    slug: "qpv-secteur-nord-est",
    name: "Secteur Nord Est",
    kind: "qpv",
    code: "QN05973M",
    description:
      "Quartier prioritaire de la politique de la ville, situé dans le nord-est de Lille, inscrit dans la liste en vigueur depuis le 1er janvier 2024.",
  },
  {
    slug: "qpv-secteur-nord",
    name: "Secteur Nord",
    kind: "qpv",
    code: "QN05974M",
    description: "Quartier prioritaire de la politique de la ville, situé dans le nord de Lille, inscrit dans la liste en vigueur depuis le 1er janvier 2024.",
  },
  {
    slug: "qpv-nouveau-mons-les-sarts-dombrowski",
    name: "Nouveau Mons - Les Sarts- Dombrowski",
    kind: "qpv",
    code: "QN05978M",
    description: "Quartier prioritaire de la politique de la ville partagé entre Lille, Mons-en-Barœul et Villeneuve-d’Ascq.",
  },
];

export const pages: DemoPage[] = [
  {
    slug: "solidarite",
    parent: null,
    title: "Solidarité",
    standfirst: "Aide alimentaire, accès aux droits, emploi, action dans les quartiers prioritaires : retrouvez ici les services qui vous accompagnent.",
    body: `<p>Personne ne devrait rester seul face aux difficultés. La Ville, ses services sociaux et de nombreuses associations vous aident à faire valoir vos droits, à trouver un emploi ou à passer un moment difficile.</p>
<h2>Les rubriques de cette section</h2>
<ul>
<li><a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a> : le contrat de ville, les cinq quartiers prioritaires lillois et le renouvellement urbain.</li>
<li><a href="/solidarite/emploi-et-insertion">Emploi et insertion</a> : qui contacter pour être accompagné vers un emploi ou une formation.</li>
</ul>
<h2>Besoin d’aide tout de suite ?</h2>
<p>Rendez-vous à l’accueil de la mairie de votre quartier ou de votre commune associée. Un agent écoute votre demande et vous oriente vers le bon service. Vous pouvez aussi écrire à <a href="mailto:solidarite@portail.example">solidarite@portail.example</a>.</p>`,
    themes: ["solidarite"],
    neighbourhoods: [],
    featured: false,
    illustration: {
      motif: "meeting",
      variant: 2,
      alt: "Illustration : des chaises autour d’une table ronde, avec des bulles de dialogue au-dessus",
      caption: "Les services sociaux et les associations vous reçoivent près de chez vous.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "politique-de-la-ville",
    parent: "solidarite",
    title: "Notre action pour les quartiers prioritaires",
    standfirst:
      "La Politique de la Ville concentre des moyens sur les quartiers où vivent le plus de personnes en difficulté. Son but : que chaque quartier de Lille offre les mêmes chances à ses habitants.",
    body: `<p>Certains quartiers cumulent les difficultés : chômage plus élevé, revenus plus faibles, logements à rénover. La Politique de la Ville est une politique de solidarité : l’État, la Métropole, la Ville et leurs partenaires y engagent des moyens supplémentaires.</p>
<h2>Deux objectifs</h2>
<ul>
<li><strong>Lutter contre l’exclusion</strong> des territoires où vivent des habitants en difficulté.</li>
<li><strong>Réduire les écarts de développement</strong> entre les quartiers, pour que personne ne soit désavantagé par son adresse.</li>
</ul>
<h2>Les trois piliers des contrats de ville</h2>
<p>De 2015 à 2023, les contrats de ville ont organisé l’action autour de trois grands domaines.</p>
<h3>L’activité économique et l’emploi</h3>
<ul>
<li>Lever ce qui empêche d’accéder à un emploi et développer la formation.</li>
<li>Aider les jeunes à s’insérer, en particulier avec les missions locales.</li>
<li>Encourager la création et la croissance des entreprises.</li>
<li>Soutenir les commerces de proximité et l’artisanat, notamment grâce aux Zones Franches Urbaines.</li>
</ul>
<h3>La cohésion sociale</h3>
<ul>
<li>Soutenir les équipements sociaux, culturels et sportifs, et les associations qui créent du lien.</li>
<li>Favoriser la réussite éducative des enfants et des jeunes.</li>
<li>Promouvoir la citoyenneté et lutter contre les discriminations.</li>
<li>Faciliter l’accès aux soins.</li>
<li>Prévenir la délinquance et mieux accompagner les personnes fragiles.</li>
</ul>
<h3>Le cadre de vie et le renouvellement urbain</h3>
<ul>
<li>Construire et rénover des logements.</li>
<li>Réaménager les espaces publics et créer des équipements.</li>
<li>Installer de nouvelles activités dans les quartiers.</li>
<li>Associer les habitants aux projets, de leur conception à leur suivi.</li>
</ul>
<p>Pour en savoir plus sur les chantiers en cours, lisez notre page <a href="/solidarite/politique-de-la-ville/renouvellement-urbain">Renouvellement urbain</a>.</p>
<h2>Depuis 2024 : les « Engagements Quartiers 2030 »</h2>
<p>Les nouveaux contrats de ville couvrent la période 2024-2030. Ils ne reposent plus sur trois piliers fixés pour tout le pays. Chaque territoire choisit ses propres priorités, avec les habitants et les acteurs locaux.</p>
<h2>Suivre les actions, quartier par quartier</h2>
<p>Toutes les actions du contrat de ville sont publiées avec leur avancement, leurs financeurs et leurs étapes : consultez <a href="/politique-de-la-ville">le tableau de bord de la Politique de la Ville</a>, ou vérifiez si votre adresse se trouve dans un quartier prioritaire.</p>
<h2>Les cinq quartiers prioritaires de Lille</h2>
<p>La liste actuelle des quartiers prioritaires est fixée par le décret n° 2023-1314 du 28 décembre 2023, en vigueur depuis le 1er janvier 2024. Cinq d’entre eux concernent Lille :</p>
<ul>
<li>Secteur Ouest (QN05971M)</li>
<li>Secteur Sud (QN05972M), partagé avec Faches-Thumesnil, Lezennes et Loos</li>
<li>Secteur Nord Est (QN05973M)</li>
<li>Secteur Nord (QN05974M)</li>
<li>Nouveau Mons - Les Sarts- Dombrowski (QN05978M), partagé avec Mons-en-Barœul et Villeneuve-d’Ascq</li>
</ul>
<h2>Vous avez votre mot à dire</h2>
<p>Chaque quartier prioritaire a son conseil citoyen, ouvert aux habitants, aux associations et aux commerçants. Pour y participer ou proposer un projet, écrivez à <a href="mailto:politique-de-la-ville@portail.example">politique-de-la-ville@portail.example</a>.</p>`,
    themes: ["politique-de-la-ville", "solidarite", "citoyennete"],
    neighbourhoods: ["qpv-secteur-ouest", "qpv-secteur-sud", "qpv-secteur-nord-est"],
    featured: true,
    illustration: {
      motif: "buildings",
      variant: 4,
      alt: "Illustration : des immeubles d’habitation aux fenêtres éclairées, avec des arbres au premier plan",
      caption: "La Politique de la Ville agit dans les cinq quartiers prioritaires lillois.",
      credit: "Illustration Portail",
    },
    pinned: ["auto-ecole-de-quartier-faubourg-de-bethune", "deux-dispositifs-pour-les-athletes-du-territoire", "etudiantes-a-velo-pour-la-microfinance"],
  },
  {
    slug: "renouvellement-urbain",
    parent: "politique-de-la-ville",
    title: "Renouvellement urbain",
    standfirst: "Quatre sites lillois font partie du nouveau programme de renouvellement urbain de la Métropole. Voici ce qui a été décidé et quand.",
    body: `<p>Le nouveau programme de renouvellement urbain, aussi appelé NPRU ou NPNRU, transforme en profondeur des quartiers prioritaires : logements, rues, places, équipements. Il est porté par la Métropole Européenne de Lille avec l’Agence nationale pour la rénovation urbaine (ANRU), les communes et les bailleurs.</p>
<h2>Le programme de la Métropole en bref</h2>
<ul>
<li>13 sites selon la Métropole, 14 selon la presse régionale, qui compte aussi Roubaix Trois Ponts.</li>
<li>Près de 2 milliards d’euros d’investissements, dont 348 millions d’euros apportés par la Métropole, selon son communiqué du 18 décembre 2020.</li>
<li>Deux phases : la première approuvée le 12 décembre 2019, la seconde le 18 décembre 2020.</li>
</ul>
<h2>Les sites lillois</h2>
<h3>Concorde, dans le Faubourg de Béthune</h3>
<p>Le site fait partie de la première phase. Le 12 décembre 2019, la Métropole a confié l’aménagement du secteur à la SPL Euralille.</p>
<h3>Lille-Sud</h3>
<p>Le site fait lui aussi partie de la première phase. Une concertation préalable s’est tenue du 21 juin au 30 septembre 2021.</p>
<h3>Les quartiers anciens et Bois-Blancs</h3>
<p>Ces deux sites ont rejoint le programme avec la seconde phase, approuvée le 18 décembre 2020.</p>
<h2>Suivre les projets</h2>
<p>Les chiffres cités ici viennent des communiqués et de la presse. Ils peuvent évoluer avec les conventions signées. Pour poser une question sur un projet, écrivez à <a href="mailto:renouvellement-urbain@portail.example">renouvellement-urbain@portail.example</a>.</p>`,
    themes: ["cadre-de-vie", "politique-de-la-ville"],
    neighbourhoods: ["faubourg-de-bethune", "lille-sud", "bois-blancs"],
    featured: false,
    illustration: {
      motif: "construction",
      variant: 1,
      alt: "Illustration : une grue au-dessus d’un immeuble entouré d’échafaudages",
      caption: "Quatre sites lillois sont concernés par le renouvellement urbain.",
      credit: "Illustration Portail",
    },
    pinned: ["concorde-renouvellement-urbain-mode-d-emploi", "bois-blancs-renouvellement-urbain-seconde-phase"],
  },
  {
    slug: "emploi-et-insertion",
    parent: "solidarite",
    title: "Emploi et insertion",
    standfirst: "Vous cherchez un emploi, une formation ou un premier contrat ? Plusieurs structures vous accompagnent gratuitement, près de chez vous.",
    body: `<p>Trouver un emploi, c’est parfois d’abord régler un problème de transport, de garde d’enfant ou de logement. Les structures ci-dessous vous aident à lever ces obstacles, pas seulement à envoyer des CV.</p>
<h2>Vous avez entre 16 et 25 ans</h2>
<p>La <strong>mission locale</strong> vous reçoit sur rendez-vous. Un conseiller vous aide à bâtir un projet, à trouver une formation, un apprentissage ou un emploi. Il peut aussi vous orienter vers une aide au permis de conduire ou au logement.</p>
<h2>Vous êtes demandeur d’emploi</h2>
<ul>
<li><strong>France Travail</strong> vous inscrit, vous indemnise si vous y avez droit et vous propose des offres et des formations.</li>
<li>Les <strong>chantiers d’insertion</strong> proposent un contrat de travail rémunéré et un accompagnement pour reprendre pied.</li>
<li>Les <strong>forums de l’emploi</strong> organisés dans les quartiers vous permettent de rencontrer des employeurs sans intermédiaire.</li>
</ul>
<h2>Vous voulez créer votre activité</h2>
<p>Des permanences gratuites vous aident à tester votre idée, à construire votre budget et à trouver un financement, y compris par le microcrédit.</p>
<h2>Nous contacter</h2>
<p>Vous ne savez pas par où commencer ? Écrivez à <a href="mailto:emploi@portail.example">emploi@portail.example</a> : nous vous indiquerons la structure la plus proche de chez vous.</p>`,
    themes: ["emploi", "solidarite"],
    neighbourhoods: [],
    featured: false,
    illustration: {
      motif: "workshop",
      variant: 5,
      alt: "Illustration : un établi avec des outils rangés au mur",
      caption: "Formation, insertion, création d’activité : des accompagnements gratuits existent.",
      credit: "Illustration Portail",
    },
    pinned: ["forum-emploi-lille-sud", "permis-de-conduire-un-coup-de-pouce-pour-les-jeunes"],
  },
  {
    slug: "vie-des-quartiers",
    parent: null,
    title: "Vie des quartiers",
    standfirst: "Lille compte dix quartiers et deux communes associées, Hellemmes et Lomme. Chacun a sa mairie de quartier, ses associations et ses projets.",
    body: `<p>Votre quartier est le premier endroit où la Ville vous rend service : mairie de quartier, écoles, équipements sportifs, parcs, associations. C’est aussi là que vous pouvez le plus facilement donner votre avis.</p>
<h2>Les dix quartiers de Lille</h2>
<ul>
<li>Bois-Blancs</li>
<li>Faubourg de Béthune</li>
<li>Fives</li>
<li>Lille-Centre</li>
<li>Lille-Moulins</li>
<li>Lille-Sud</li>
<li>Saint-Maurice Pellevoisin</li>
<li>Vauban-Esquermes</li>
<li>Vieux-Lille</li>
<li>Wazemmes</li>
</ul>
<h2>Les communes associées</h2>
<p>Hellemmes, à l’est, et Lomme, à l’ouest, sont associées à Lille. Elles gardent leur mairie et leur conseil communal, qui décide des sujets de proximité.</p>
<h2>Les quartiers prioritaires</h2>
<p>Cinq quartiers prioritaires de la politique de la ville concernent Lille. Ils bénéficient de moyens supplémentaires, décrits sur la page <a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a>.</p>
<h2>Participer</h2>
<p>Conseils de quartier, conseils citoyens, budget participatif : plusieurs instances vous permettent de proposer des idées et de suivre les projets. Renseignez-vous auprès de votre mairie de quartier.</p>`,
    themes: ["citoyennete", "cadre-de-vie"],
    neighbourhoods: [],
    featured: true,
    illustration: {
      motif: "park",
      variant: 7,
      alt: "Illustration : un parc avec des arbres, des bancs et une allée qui serpente",
      caption: "Dix quartiers et deux communes associées font la ville.",
      credit: "Illustration Portail",
    },
    pinned: ["budget-participatif-les-projets-retenus", "conseil-citoyen-secteur-sud-recrute"],
  },
];

export const articles: DemoArticle[] = [
  {
    slug: "forum-emploi-lille-sud",
    title: "Forum de l’emploi à Lille-Sud : 35 employeurs vous attendent",
    standfirst:
      "Jeudi, la salle de sport du quartier accueille un forum de l’emploi. Commerce, logistique, soin, bâtiment : trente-cinq employeurs recrutent sur place, avec ou sans diplôme. Pas de CV ? Des bénévoles vous aident à le rédiger.",
    body: `<p>Le forum de l’emploi revient à Lille-Sud. Il se tient jeudi de 9 h 30 à 16 h, dans la salle de sport du quartier. L’entrée est libre et gratuite, et vous n’avez pas besoin de vous inscrire.</p>
<h2>Des postes à pourvoir tout de suite</h2>
<p>Trente-cinq employeurs ont confirmé leur présence. Ils proposent plus de 200 postes, en CDI, en CDD, en intérim ou en alternance. Les secteurs qui recrutent le plus sont :</p>
<ul>
<li><strong>la logistique</strong> : préparation de commandes, conduite de chariots ;</li>
<li><strong>l’aide à la personne</strong> : auxiliaires de vie, agents de service ;</li>
<li><strong>le commerce et la restauration</strong> : vente, caisse, cuisine ;</li>
<li><strong>le bâtiment</strong> : maçonnerie, peinture, second œuvre.</li>
</ul>
<p>Beaucoup de postes sont ouverts aux personnes sans diplôme ni expérience. Les employeurs forment eux-mêmes leurs nouvelles recrues.</p>
<h2>Préparer votre venue</h2>
<p>Apportez plusieurs exemplaires de votre CV. Vous n’en avez pas ? Un espace d’aide vous attend à l’entrée : des bénévoles et des conseillers de la mission locale et de France Travail vous aident à le rédiger et à l’imprimer sur place. Un coin garderie accueille aussi les enfants de 3 à 10 ans pendant vos entretiens.</p>
<blockquote><p>« L’an dernier, j’ai décroché un CDD de six mois dans un entrepôt. Il a été transformé en CDI. Sans le forum, je n’aurais jamais osé postuler », raconte Nadia R., habitante du quartier.</p></blockquote>
<p>Le forum est organisé dans le cadre du contrat de ville, qui soutient l’accès à l’emploi dans les quartiers prioritaires. Pour connaître les autres aides, consultez la page <a href="/solidarite/emploi-et-insertion">Emploi et insertion</a>.</p>`,
    themes: ["emploi", "politique-de-la-ville"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    daysAgo: 12,
    illustration: {
      motif: "meeting",
      variant: 0,
      alt: "Illustration : des tables alignées dans une grande salle, avec des chaises de part et d’autre et des bulles de dialogue",
      caption: "Trente-cinq employeurs reçoivent les candidats dans la salle de sport du quartier.",
      credit: "Illustration Portail",
    },
    pinned: ["permis-de-conduire-un-coup-de-pouce-pour-les-jeunes", "creer-son-entreprise-permanence-gratuite"],
  },
  {
    slug: "deux-dispositifs-pour-les-athletes-du-territoire",
    title: "Deux dispositifs pour aider les athlètes du territoire à viser haut",
    standfirst:
      "Emploi aménagé et bourse de préparation : la Ville et ses partenaires lancent deux aides pour les sportifs de haut niveau du territoire. Objectif : leur permettre de s’entraîner sans renoncer à un revenu avant les grands rendez-vous internationaux.",
    body: `<p>S’entraîner vingt heures par semaine et gagner sa vie : pour beaucoup de sportifs de haut niveau, l’équation est impossible. La plupart ne vivent pas de leur discipline. Lundi, la Ville et ses partenaires ont présenté deux dispositifs pour les aider à préparer les grandes compétitions internationales dans de bonnes conditions.</p>
<h2>Un emploi compatible avec l’entraînement</h2>
<p>Le premier dispositif met en relation les athlètes avec des entreprises du territoire. Celles-ci les embauchent à temps partiel, avec des horaires adaptés aux entraînements et aux compétitions. L’athlète touche un salaire complet ; les partenaires publics en prennent une partie en charge. Une dizaine d’entreprises se sont déjà engagées, dans la banque, la distribution et les services.</p>
<h2>Une bourse pour les frais de préparation</h2>
<p>Le second dispositif est une bourse annuelle. Elle couvre une partie des frais que les clubs ne peuvent pas assumer : stages, déplacements, matériel, suivi médical ou préparation mentale. Elle s’adresse aux sportifs inscrits sur les listes ministérielles de haut niveau et licenciés dans un club du territoire.</p>
<blockquote><p>« Je travaillais la nuit dans un entrepôt pour payer mes déplacements. Avec un emploi aménagé, je peux enfin récupérer entre deux séances », témoigne Julien P., spécialiste du 400 mètres haies licencié dans un club de Lomme.</p></blockquote>
<h2>Comment candidater</h2>
<ul>
<li>Vous êtes athlète : déposez votre dossier auprès de votre club, qui le transmet au service des sports.</li>
<li>Vous êtes une entreprise : faites-vous connaître à <a href="mailto:sport@portail.example">sport@portail.example</a>.</li>
</ul>
<p>Les premiers athlètes accompagnés seront présentés au printemps, lors d’une soirée ouverte au public.</p>`,
    themes: ["emploi", "sport"],
    neighbourhoods: ["lille-centre", "lomme"],
    daysAgo: 690,
    illustration: {
      motif: "sport",
      variant: 3,
      alt: "Illustration : une piste d’athlétisme vue d’en haut, avec des haies alignées sur les couloirs",
      caption: "Les deux dispositifs visent les sportifs de haut niveau licenciés sur le territoire.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "chantier-insertion-espaces-verts-secteur-nord-est",
    title: "Un chantier d’insertion prend soin des espaces verts du Secteur Nord Est",
    standfirst:
      "Douze habitants en recherche d’emploi entretiennent depuis l’automne les squares et les pieds d’immeubles du quartier prioritaire. Ils sont salariés, formés aux métiers du paysage et accompagnés vers un emploi durable.",
    body: `<p>Taille des haies, plantation de vivaces, ramassage des feuilles : depuis l’automne, une équipe en gilet orange s’active dans les squares du Secteur Nord Est. Elle fait partie d’un chantier d’insertion porté par une association du quartier, avec le soutien du contrat de ville.</p>
<h2>Un vrai contrat de travail</h2>
<p>Les douze participants sont salariés, en contrat à durée déterminée d’insertion de 26 heures par semaine. Ils sont payés pour travailler, mais aussi pour se former. Chaque semaine, une demi-journée est consacrée à la formation : reconnaissance des végétaux, utilisation sans danger des outils, gestes qui protègent le dos.</p>
<p>Une conseillère en insertion suit chacun d’eux. Elle les aide à régler ce qui freine leur retour à l’emploi : permis de conduire, logement, garde d’enfants, démarches administratives.</p>
<h2>Des résultats visibles</h2>
<p>Les habitants ont vite remarqué la différence. Les pieds d’immeubles ont été replantés, les bancs repeints et les allées débarrassées des déchets.</p>
<blockquote><p>« Je n’avais pas travaillé depuis quatre ans. Ici, j’ai retrouvé un rythme et des collègues. Je prépare maintenant un titre professionnel d’ouvrier du paysage », explique Karim T., 41 ans.</p></blockquote>
<h2>Et après ?</h2>
<p>Le chantier dure douze mois. À la sortie, l’association vise un emploi ou une formation qualifiante pour au moins la moitié des participants. Les entreprises du paysage qui souhaitent accueillir un stagiaire peuvent écrire à <a href="mailto:emploi@portail.example">emploi@portail.example</a>.</p>`,
    themes: ["emploi", "cadre-de-vie"],
    neighbourhoods: ["qpv-secteur-nord-est"],
    daysAgo: 95,
    illustration: {
      motif: "workshop",
      variant: 6,
      alt: "Illustration : des outils de jardinage accrochés au mur au-dessus d’un établi, à côté d’une brouette",
      caption: "Le chantier forme ses salariés aux métiers du paysage.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "permis-de-conduire-un-coup-de-pouce-pour-les-jeunes",
    title: "Permis de conduire : un coup de pouce pour les jeunes en recherche d’emploi",
    standfirst:
      "Sans permis, beaucoup d’offres restent hors de portée. À Bois-Blancs et à Lomme, la mission locale finance une partie du permis de jeunes de 18 à 25 ans engagés dans un projet professionnel. Les dossiers sont ouverts.",
    body: `<p>Horaires décalés, zones d’activité mal desservies, postes de livreur ou d’aide à domicile : de nombreuses offres d’emploi exigent le permis B. Pour un jeune qui démarre, son coût, souvent supérieur à 1 500 €, est un vrai obstacle.</p>
<h2>Qui peut en bénéficier ?</h2>
<p>L’aide s’adresse aux jeunes de 18 à 25 ans qui habitent Bois-Blancs ou Lomme et qui sont suivis par la mission locale. Ils doivent avoir un projet professionnel pour lequel le permis est nécessaire : une promesse d’embauche, une formation ou une alternance.</p>
<h2>Comment ça marche ?</h2>
<ol>
<li>Vous prenez rendez-vous avec votre conseiller de la mission locale.</li>
<li>Vous montez le dossier ensemble : projet, devis d’une auto-école, justificatifs.</li>
<li>Une commission examine les demandes une fois par mois.</li>
<li>Si votre dossier est accepté, l’aide est versée directement à l’auto-école.</li>
</ol>
<p>Le montant dépend de votre situation. Il peut couvrir jusqu’aux deux tiers du coût total. En échange, vous vous engagez à suivre les cours avec assiduité et à tenir votre conseiller informé de vos progrès.</p>
<p>Vous n’êtes pas éligible ? La mission locale peut vous orienter vers d’autres solutions : le permis à un euro par jour, les aides de certaines entreprises d’intérim ou les auto-écoles associatives, aux tarifs adaptés.</p>
<blockquote><p>« J’avais une promesse d’embauche dans une entreprise de nettoyage, à condition d’avoir le permis. Je l’ai eu au premier passage », raconte Ibrahim S., 22 ans.</p></blockquote>
<p>Cette aide complète les autres dispositifs présentés sur la page <a href="/solidarite/emploi-et-insertion">Emploi et insertion</a>.</p>`,
    themes: ["emploi", "solidarite"],
    neighbourhoods: ["bois-blancs", "lomme"],
    daysAgo: 210,
    illustration: {
      motif: "meeting",
      variant: 4,
      alt: "Illustration : deux chaises face à face autour d’un bureau, avec un dossier ouvert et une clé de voiture posée dessus",
      caption: "Le dossier se prépare avec un conseiller de la mission locale.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "job-dating-hellemmes",
    title: "Hellemmes : un job dating pour décrocher un emploi en dix minutes",
    standfirst:
      "Dix minutes pour convaincre, sans CV ni lettre de motivation. Mercredi, la mairie d’Hellemmes accueille un job dating avec des commerces, des restaurants et des entreprises de logistique qui recrutent dans le secteur.",
    body: `<p>Le principe est simple : vous rencontrez un recruteur, vous parlez pendant dix minutes, puis vous passez au suivant. Pas besoin d’un CV parfait. Ce qui compte, c’est votre motivation et vos disponibilités.</p>
<h2>Qui recrute ?</h2>
<p>Une vingtaine d’employeurs seront présents, la plupart installés à Hellemmes ou dans les communes voisines :</p>
<ul>
<li>des supermarchés et des commerces de proximité ;</li>
<li>des restaurants et une cuisine centrale ;</li>
<li>des entreprises de logistique et de transport ;</li>
<li>une entreprise de propreté.</li>
</ul>
<p>Les postes vont du contrat saisonnier au CDI. Plusieurs employeurs acceptent des débutants et proposent une formation à l’embauche.</p>
<p>Vous êtes suivi par la mission locale ou par France Travail ? Parlez-en à votre conseiller avant le job dating. Il peut vous aider à repérer les employeurs qui correspondent à votre projet et préparer avec vous les questions à poser.</p>
<h2>Bien vous préparer</h2>
<p>Présentez-vous en une phrase : qui vous êtes, ce que vous cherchez, quand vous êtes disponible. Notez vos expériences, même bénévoles ou familiales. Garder des enfants, aider dans un commerce ou organiser une fête de quartier, ce sont aussi des compétences.</p>
<p>Un atelier de préparation a lieu la veille, de 14 h à 16 h, dans la même salle. Il est gratuit et sans inscription.</p>
<h2>Infos pratiques</h2>
<p>Le job dating a lieu mercredi de 9 h à 13 h, dans la salle des fêtes de la mairie d’Hellemmes. L’entrée est libre. Pour toute question, écrivez à <a href="mailto:emploi@portail.example">emploi@portail.example</a>.</p>`,
    themes: ["emploi", "commerces"],
    neighbourhoods: ["hellemmes"],
    daysAgo: 333,
    illustration: {
      motif: "meeting",
      variant: 7,
      alt: "Illustration : plusieurs petites tables avec deux chaises chacune, et une horloge au mur",
      caption: "Chaque entretien dure dix minutes, sans CV obligatoire.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "auto-ecole-de-quartier-faubourg-de-bethune",
    title: "Une auto-école de quartier qui mise sur la confiance",
    standfirst:
      "Au Faubourg de Béthune, Yacine K. a ouvert son auto-école il y a six ans. Tarifs clairs, moniteurs du quartier et leçons calées sur les horaires de travail : il en a fait l’une des adresses les plus recommandées du secteur.",
    body: `<p>À 38 ans, Yacine K. connaît chaque rond-point du Faubourg de Béthune. Il y a grandi, il y a passé son permis, et il y a ouvert son auto-école il y a six ans, après dix ans comme moniteur salarié.</p>
<h2>Un commerce de proximité comme les autres</h2>
<p>« Une auto-école, c’est un commerce de quartier, comme une boulangerie. Les gens passent, posent une question, reviennent avec leur petit frère », explique-t-il. Sa vitrine affiche les tarifs en grand, sans astérisque. Les élèves peuvent payer en plusieurs fois, sans frais.</p>
<p>L’équipe compte aujourd’hui trois moniteurs et une secrétaire, tous embauchés dans le quartier. Deux d’entre eux ont été formés sur place, en alternance.</p>
<h2>Des leçons adaptées à la vie des élèves</h2>
<ul>
<li><strong>des leçons tôt le matin et le samedi</strong>, pour les élèves qui travaillent ;</li>
<li><strong>des séances de code en soirée</strong>, avec des explications en plusieurs langues quand c’est nécessaire ;</li>
<li><strong>un suivi avec la mission locale</strong>, pour les jeunes qui bénéficient d’une aide au permis.</li>
</ul>
<blockquote><p>« Beaucoup de mes élèves ont besoin du permis pour un emploi. Quand l’un d’eux m’appelle pour me dire qu’il a signé son contrat, c’est ma meilleure journée », confie Yacine K.</p></blockquote>
<h2>Un soutien pour s’installer</h2>
<p>Pour ouvrir, Yacine K. a été accompagné par une permanence de création d’entreprise et a obtenu un prêt d’honneur. Vous avez vous aussi un projet de commerce ? La page <a href="/solidarite/emploi-et-insertion">Emploi et insertion</a> vous indique qui contacter.</p>`,
    themes: ["commerces", "emploi"],
    neighbourhoods: ["faubourg-de-bethune"],
    daysAgo: 401,
    illustration: {
      motif: "shopfront",
      variant: 2,
      alt: "Illustration : façade d’une auto-école avec un store rayé et une voiture garée devant",
      caption: "L’auto-école affiche ses tarifs en vitrine, sans astérisque.",
      credit: "Illustration Portail",
    },
    pinned: ["etudiantes-a-velo-pour-la-microfinance", "deux-dispositifs-pour-les-athletes-du-territoire"],
  },
  {
    slug: "boulangerie-rouvre-a-moulins",
    title: "À Moulins, la boulangerie de la place rouvre ses portes",
    standfirst:
      "Fermée depuis près d’un an, la boulangerie de la place a trouvé une repreneuse. Amandine L., artisane formée dans le quartier, y propose pain au levain, viennoiseries maison et une formule du midi à petit prix.",
    body: `<p>Les habitants l’attendaient depuis des mois. Mardi matin, une file s’est formée devant la boulangerie de la place dès 7 heures. Le rideau de fer, baissé depuis le départ à la retraite de l’ancien propriétaire, s’est enfin relevé.</p>
<h2>Une artisane du quartier</h2>
<p>Amandine L. a 31 ans. Elle a appris le métier en apprentissage dans une boulangerie de Moulins, puis a travaillé huit ans dans le centre-ville. « Quand j’ai vu que la boutique était à vendre, je n’ai pas hésité. Je voulais revenir ici », raconte-t-elle.</p>
<p>Elle a repris le four et le matériel, refait la vitrine et embauché deux salariés : un apprenti boulanger et une vendeuse qui habite la rue voisine.</p>
<h2>Ce que vous y trouverez</h2>
<ul>
<li>des pains au levain, dont un pain aux graines fait avec une farine de la région ;</li>
<li>des viennoiseries faites maison ;</li>
<li>une formule du midi à moins de 7 € ;</li>
<li>des gâteaux sur commande pour les anniversaires et les fêtes.</li>
</ul>
<h2>Un commerce qui fait vivre la place</h2>
<p>Pour les habitants, ce retour change le quotidien. Les personnes âgées n’ont plus à prendre le bus pour acheter leur pain, et la place retrouve du passage. La reprise a bénéficié d’une aide à l’installation des commerces de proximité, qui a financé une partie des travaux de vitrine.</p>
<p>La boulangerie est ouverte du mardi au dimanche, de 7 h à 19 h 30.</p>`,
    themes: ["commerces", "cadre-de-vie"],
    neighbourhoods: ["lille-moulins"],
    daysAgo: 58,
    illustration: {
      motif: "shopfront",
      variant: 5,
      alt: "Illustration : une boulangerie au store jaune, avec des pains dessinés en vitrine",
      caption: "La boulangerie est ouverte du mardi au dimanche.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "marche-de-wazemmes-coin-des-producteurs",
    title: "Marché de Wazemmes : un coin des producteurs chaque dimanche",
    standfirst:
      "Légumes, fromages, œufs, miel : une dizaine de producteurs installés à moins de 50 kilomètres vendent désormais leurs produits en direct sur le marché de Wazemmes. Les prix sont affichés et plusieurs stands acceptent les chèques alimentaires.",
    body: `<p>Le marché de Wazemmes compte parmi les plus fréquentés de la ville. Il accueille désormais un nouvel espace, le coin des producteurs. Chaque dimanche matin, une dizaine d’agriculteurs et d’artisans de la région y vendent ce qu’ils produisent eux-mêmes.</p>
<h2>Du champ à votre panier</h2>
<p>Tous les stands respectent une règle : les produits viennent d’une exploitation située à moins de 50 kilomètres. Vous y trouverez :</p>
<ul>
<li>des légumes de saison, dont des variétés anciennes ;</li>
<li>des fromages et des yaourts de ferme ;</li>
<li>des œufs de poules élevées en plein air ;</li>
<li>du miel, des jus de pomme et des confitures.</li>
</ul>
<h2>Des prix accessibles</h2>
<p>Les producteurs se sont engagés à proposer chaque semaine au moins un panier de légumes à petit prix. Plusieurs stands acceptent aussi les chèques alimentaires distribués par les associations d’aide.</p>
<p>Pour vous repérer, chaque stand affiche le nom de la ferme, sa commune et la distance qui la sépare du marché. Les producteurs expliquent volontiers comment ils travaillent et donnent des recettes pour cuisiner les légumes moins connus.</p>
<blockquote><p>« Je vendais seulement à la ferme. Ici, je rencontre des familles qui ne viendraient jamais jusque chez moi. Et elles me disent ce qu’elles aimeraient trouver », explique Mathieu V., maraîcher.</p></blockquote>
<h2>Un soutien aux circuits courts</h2>
<p>Le coin des producteurs fait partie d’un plan de la Ville pour soutenir l’agriculture locale et rendre les produits frais plus accessibles. Les producteurs intéressés peuvent déposer leur candidature auprès du service des marchés, à l’adresse <a href="mailto:marches@portail.example">marches@portail.example</a>.</p>`,
    themes: ["commerces", "economie"],
    neighbourhoods: ["wazemmes"],
    daysAgo: 265,
    illustration: {
      motif: "market",
      variant: 1,
      alt: "Illustration : des étals de marché sous des bâches, avec des cagettes de légumes et de pommes",
      caption: "Le coin des producteurs ouvre chaque dimanche matin.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "boutiques-ephemeres-vieux-lille",
    title: "Boutique éphémère : trois créatrices testent leur commerce dans le Vieux-Lille",
    standfirst:
      "Pendant six mois, trois créatrices occupent un local commercial vide, à loyer réduit. Bijoux, céramique et vêtements retravaillés : elles testent leur clientèle avant de se lancer pour de bon.",
    body: `<p>Un local vide depuis deux ans, une vitrine poussiéreuse, et une idée : le prêter à de jeunes entrepreneurs pour qu’ils testent leur projet. C’est le principe de la boutique éphémère qui vient d’ouvrir dans une rue commerçante du Vieux-Lille.</p>
<h2>Trois créatrices, un même local</h2>
<ul>
<li><strong>Clara D.</strong> fabrique des bijoux à partir de métaux recyclés ;</li>
<li><strong>Fatou N.</strong> tourne des bols et des vases en grès dans son atelier ;</li>
<li><strong>Émilie G.</strong> transforme des vêtements de seconde main en pièces uniques.</li>
</ul>
<p>Elles partagent le loyer, les horaires d’ouverture et la vitrine. Chacune tient la boutique deux jours par semaine.</p>
<h2>Tester avant de s’engager</h2>
<p>Le bail dure six mois, à un loyer réduit de moitié. Le propriétaire y gagne un local entretenu et animé ; les créatrices, la possibilité de tester leurs ventes sans s’endetter. Un conseiller de la chambre de commerce les rencontre chaque mois pour faire le point sur leurs chiffres.</p>
<blockquote><p>« Vendre en ligne, c’est bien, mais rien ne remplace le contact. Ici, je vois ce que les clients touchent, ce qu’ils reposent, ce qu’ils demandent », explique Fatou N.</p></blockquote>
<h2>Lutter contre les locaux vides</h2>
<p>Les vitrines fermées abîment l’image d’une rue et découragent les passants. La Ville recense les propriétaires prêts à louer à prix réduit pour une durée courte. Vous avez un projet de commerce et vous voulez tester votre idée ? Écrivez à <a href="mailto:commerce@portail.example">commerce@portail.example</a>.</p>`,
    themes: ["commerces", "economie"],
    neighbourhoods: ["vieux-lille"],
    daysAgo: 480,
    illustration: {
      motif: "shopfront",
      variant: 8,
      alt: "Illustration : une vitrine ancienne à petits carreaux, avec des bijoux et des vases exposés",
      caption: "Trois créatrices se partagent la boutique pendant six mois.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "vitrines-renovees-secteur-nord",
    title: "Secteur Nord : une aide pour rénover les vitrines des commerces",
    standfirst:
      "Enseigne, store, éclairage, accessibilité : les commerçants et artisans du quartier prioritaire Secteur Nord peuvent obtenir une aide pour rénover leur devanture. La moitié du coût des travaux peut être prise en charge.",
    body: `<p>Une vitrine claire et accueillante attire les clients. Mais refaire une devanture coûte cher, surtout pour un petit commerce. Pour aider les commerçants du Secteur Nord, la Ville lance une aide à la rénovation des vitrines, financée dans le cadre du contrat de ville.</p>
<h2>Quels travaux ?</h2>
<ul>
<li>le remplacement de l’enseigne ou du store ;</li>
<li>la peinture et la réfection de la façade commerciale ;</li>
<li>un éclairage économe en énergie ;</li>
<li>l’accès des personnes en fauteuil roulant : rampe, porte élargie, sonnette d’appel.</li>
</ul>
<h2>Combien ?</h2>
<p>L’aide couvre <strong>50 % du montant des travaux</strong>, dans la limite de 5 000 € par commerce. Elle peut monter à 70 % pour les travaux d’accessibilité.</p>
<h2>Qui peut en bénéficier ?</h2>
<p>Les commerces et les artisans installés en rez-de-chaussée, dans le périmètre du quartier prioritaire, avec une activité ouverte au public. Les banques, les agences immobilières et les professions libérales ne sont pas concernées.</p>
<p>Les travaux doivent respecter les règles d’urbanisme : une déclaration préalable est souvent nécessaire pour modifier une façade ou une enseigne. Le service commerce vous aide à remplir ce dossier et vérifie avec vous que le projet est conforme.</p>
<blockquote><p>« Mon store était déchiré depuis trois ans. Grâce à l’aide, j’ai pu le changer et installer une rampe. Mes clientes avec poussette me remercient tous les jours », témoigne Sophie M., gérante d’un salon de coiffure.</p></blockquote>
<h2>Comment faire ?</h2>
<p>Demandez d’abord deux devis à des entreprises de votre choix. Ne commencez pas les travaux avant d’avoir reçu l’accord écrit de la Ville. Pour obtenir un dossier, écrivez à <a href="mailto:commerce@portail.example">commerce@portail.example</a>.</p>`,
    themes: ["commerces", "politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-nord"],
    daysAgo: 152,
    illustration: {
      motif: "shopfront",
      variant: 0,
      alt: "Illustration : une rangée de boutiques aux stores colorés, dont une avec une rampe d’accès devant la porte",
      caption: "L’aide finance aussi les rampes et les portes élargies.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "etudiantes-a-velo-pour-la-microfinance",
    title: "3 000 kilomètres à vélo pour faire connaître la microfinance",
    standfirst:
      "Léa M. et Inès T., étudiantes à Lille, enfourchent leur vélo pour quatre mois en Amérique du Sud. Au programme : des cols à plus de 4 000 mètres et des rencontres avec des paysannes qui ont pu se lancer grâce à un microcrédit.",
    body: `<p>Léa M. et Inès T. se sont rencontrées en master d’économie sociale et solidaire. Toutes deux vivent dans le quartier Vauban-Esquermes. Dans trois semaines, elles partiront de Quito, en Équateur, pour rejoindre La Paz, en Bolivie, à vélo : environ 3 000 kilomètres en quatre mois, en suivant la cordillère.</p>
<h2>Le microcrédit, comment ça marche ?</h2>
<p>La microfinance prête de petites sommes à des personnes que les banques refusent, souvent des femmes qui veulent lancer une activité. Quelques centaines d’euros suffisent parfois pour acheter des semences, une machine à coudre ou quelques animaux. Les prêts sont remboursés, puis prêtés à d’autres.</p>
<h2>Un carnet de route pour les écoles</h2>
<p>En chemin, les deux étudiantes rencontreront des agricultrices accompagnées par des institutions de microfinance. Elles filmeront ces échanges et publieront un carnet de route. Deux classes d’un collège du quartier suivront le voyage et leur parleront en visioconférence.</p>
<ul>
<li><strong>Durée</strong> : quatre mois ;</li>
<li><strong>Distance</strong> : environ 3 000 kilomètres ;</li>
<li><strong>Financement</strong> : une cagnotte participative, des partenaires locaux et leurs économies.</li>
</ul>
<blockquote><p>« On étudie la microfinance en cours, mais on veut voir ce qu’elle change vraiment dans la vie des gens. Et montrer qu’elle existe aussi ici, en France », explique Inès T.</p></blockquote>
<h2>Et près de chez vous ?</h2>
<p>Le microcrédit existe aussi en France. Il peut financer la création d’une petite entreprise ou un besoin personnel lié à l’emploi, comme l’achat d’une voiture. Pour savoir à qui vous adresser, consultez la page <a href="/solidarite/emploi-et-insertion">Emploi et insertion</a>.</p>`,
    themes: ["economie", "solidarite"],
    neighbourhoods: ["vauban-esquermes"],
    daysAgo: 702,
    illustration: {
      motif: "bicycle",
      variant: 4,
      alt: "Illustration : deux vélos chargés de sacoches sur une route de montagne en lacets",
      caption: "Les deux étudiantes suivront la cordillère des Andes pendant quatre mois.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "creer-son-entreprise-permanence-gratuite",
    title: "Créer son entreprise : une permanence gratuite chaque mardi",
    standfirst:
      "Vous avez une idée de commerce, de service ou d’atelier ? Dans le Secteur Ouest, une conseillère en création d’entreprise vous reçoit chaque mardi, gratuitement et sans rendez-vous, pour vous aider à passer de l’idée au projet.",
    body: `<p>Beaucoup d’habitants ont une idée d’activité, mais ne savent pas par où commencer. Statut, budget, financement, démarches : les questions sont nombreuses. Pour y répondre, une permanence de création d’entreprise s’installe chaque mardi dans le Secteur Ouest.</p>
<h2>Ce que la permanence vous apporte</h2>
<ul>
<li>un premier échange pour clarifier votre idée et vos besoins ;</li>
<li>une aide pour construire votre budget prévisionnel ;</li>
<li>des informations sur les statuts, dont la micro-entreprise ;</li>
<li>une orientation vers les financements adaptés : prêt d’honneur, microcrédit, aides régionales.</li>
</ul>
<p>La conseillère vous suit aussi après le lancement, pendant les deux premières années, les plus fragiles pour une jeune entreprise.</p>
<h2>Pas besoin d’avoir un projet abouti</h2>
<p>Vous pouvez venir avec une simple envie. Certains viennent vérifier qu’une idée tient la route, d’autres préparer un rendez-vous à la banque.</p>
<p>Des ateliers collectifs complètent les rendez-vous individuels. Une fois par mois, un petit groupe de futurs créateurs travaille sur un thème : fixer ses prix, trouver ses premiers clients, tenir sa comptabilité. C’est aussi l’occasion de rencontrer d’autres personnes qui se lancent.</p>
<blockquote><p>« Je faisais des gâteaux pour les fêtes de mon entourage. En trois mois, j’ai appris à calculer mes prix et j’ai déclaré mon activité. Aujourd’hui, je travaille avec deux salles de réception », raconte Samia B.</p></blockquote>
<h2>Infos pratiques</h2>
<p>La permanence a lieu le mardi de 9 h à 12 h et de 14 h à 17 h, au centre social du quartier. Elle est gratuite et sans rendez-vous. Vous pouvez aussi écrire à <a href="mailto:creation@portail.example">creation@portail.example</a>.</p>`,
    themes: ["economie", "emploi"],
    neighbourhoods: ["qpv-secteur-ouest"],
    daysAgo: 178,
    illustration: {
      motif: "meeting",
      variant: 9,
      alt: "Illustration : un bureau avec deux chaises, une calculatrice et un carnet ouvert",
      caption: "La conseillère reçoit sans rendez-vous, le mardi.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "cooperative-reparation-velos-fives",
    title: "Fives : une coopérative de réparation de vélos ouvre son atelier",
    standfirst:
      "Quatre mécaniciens ont créé une coopérative pour réparer, vendre et louer des vélos d’occasion à Fives. Vous pouvez aussi apprendre à entretenir le vôtre, lors d’ateliers à prix libre chaque samedi matin.",
    body: `<p>Un ancien garage, des roues suspendues au plafond, une odeur de graisse et de caoutchouc : l’atelier de la coopérative a ouvert ses portes à Fives. Ses quatre fondateurs, tous mécaniciens cycle, ont choisi le statut de société coopérative. Chacun y a une voix, quelle que soit sa part du capital.</p>
<h2>Trois services sous le même toit</h2>
<ul>
<li><strong>La réparation</strong> : crevaison, freins, dérailleur, révision complète, avec un devis avant toute intervention.</li>
<li><strong>La vente de vélos d’occasion</strong>, remis en état et garantis six mois.</li>
<li><strong>La location</strong> à la semaine ou au mois, pour essayer avant d’acheter.</li>
</ul>
<h2>Apprendre à réparer soi-même</h2>
<p>Chaque samedi matin, l’atelier ouvre ses établis au public. Vous venez avec votre vélo, un mécanicien vous montre les gestes et vous prête les outils. La participation est libre.</p>
<blockquote><p>« On ne veut pas seulement réparer des vélos. On veut que les gens repartent en sachant changer une chambre à air. C’est comme ça qu’on roule longtemps », explique Thomas G., l’un des fondateurs.</p></blockquote>
<h2>Des emplois et des vélos qui durent</h2>
<p>La coopérative fait déjà vivre ses quatre fondateurs et prévoit d’accueillir un apprenti. Elle récupère les vélos abandonnés dans les caves des bailleurs sociaux et les remet en circulation plutôt que de les jeter. Son installation a bénéficié d’un prêt d’honneur et d’un accompagnement par un réseau de l’économie sociale et solidaire.</p>
<p>L’atelier est ouvert du mardi au samedi, de 10 h à 19 h.</p>`,
    themes: ["economie", "cadre-de-vie"],
    neighbourhoods: ["fives"],
    daysAgo: 305,
    illustration: {
      motif: "bicycle",
      variant: 7,
      alt: "Illustration : des vélos suspendus au mur d’un atelier, au-dessus d’un pied de réparation",
      caption: "L’atelier ouvre ses établis au public chaque samedi matin.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "atelier-partage-artisans-lomme",
    title: "Lomme : un atelier partagé pour les artisans qui se lancent",
    standfirst:
      "Menuiserie, couture, sérigraphie : dans un ancien entrepôt de Lomme, un atelier partagé loue des postes de travail équipés à la journée ou au mois. Une solution pour démarrer sans investir dans des machines coûteuses.",
    body: `<p>Une scie à panneaux, des machines à coudre industrielles, une table de sérigraphie : acheter ce matériel coûte des dizaines de milliers d’euros. Pour un artisan qui démarre, c’est souvent impossible. C’est pour lui qu’un atelier partagé vient d’ouvrir à Lomme, dans un ancien entrepôt rénové.</p>
<h2>Comment ça marche ?</h2>
<p>L’atelier compte quinze postes de travail, répartis en trois espaces : le bois, le textile et l’impression. Vous louez un poste à la journée, à la semaine ou au mois. Les machines sont partagées et entretenues par l’équipe. Avant d’utiliser une machine, vous suivez une formation à la sécurité.</p>
<ul>
<li><strong>À la journée</strong> : 25 €.</li>
<li><strong>Au mois, à temps plein</strong> : 250 €.</li>
<li><strong>Tarif réduit</strong> pour les porteurs de projet suivis par une structure d’aide à la création d’entreprise.</li>
</ul>
<h2>Plus qu’un local</h2>
<p>Les artisans qui travaillent côte à côte s’entraident. Ils se recommandent des clients, partagent des commandes et apprennent les uns des autres. Deux fois par an, un salon de vente réunit leurs créations.</p>
<h2>Qui peut louer un poste ?</h2>
<p>L’atelier est ouvert aux artisans, aux créateurs et aux porteurs de projet, qu’ils habitent Lomme ou ailleurs. Il suffit de présenter son activité lors d’un court entretien et de respecter le règlement intérieur. Les horaires sont larges : de 7 h à 21 h en semaine, et jusqu’à 18 h le samedi.</p>
<blockquote><p>« Je fabriquais mes meubles dans mon garage, avec des outils empruntés. Ici, j’ai des machines professionnelles et des collègues. J’ai doublé ma production en six mois », témoigne Bastien R., menuisier.</p></blockquote>
<p>Pour visiter l’atelier ou réserver un poste, écrivez à <a href="mailto:atelier-partage@portail.example">atelier-partage@portail.example</a>.</p>`,
    themes: ["economie", "commerces"],
    neighbourhoods: ["lomme"],
    daysAgo: 560,
    illustration: {
      motif: "workshop",
      variant: 2,
      alt: "Illustration : un grand atelier avec plusieurs établis, une machine à coudre et des planches de bois",
      caption: "Quinze postes de travail sont à louer à la journée ou au mois.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "epicerie-solidaire-agrandit-ses-rayons",
    title: "Lille-Sud : l’épicerie solidaire s’agrandit et ouvre le samedi",
    standfirst:
      "Plus de place, plus de produits frais et une ouverture le samedi matin : l’épicerie solidaire de Lille-Sud s’installe dans un local deux fois plus grand. Les familles orientées par un travailleur social y paient environ 20 % du prix habituel.",
    body: `<p>Depuis lundi, l’épicerie solidaire de Lille-Sud occupe un nouveau local, deux fois plus grand que l’ancien. Les rayons frais ont été agrandis, et un espace d’accueil permet désormais de prendre un café et de discuter.</p>
<h2>Comment ça marche ?</h2>
<p>L’épicerie solidaire ressemble à un magasin. Vous choisissez vos produits et vous passez en caisse. La différence : vous payez environ 20 % du prix habituel. Pour y accéder, vous devez être orienté par un travailleur social, par exemple au centre communal d’action sociale ou au centre social. L’accès est accordé pour quelques mois, le temps de passer un cap difficile.</p>
<h2>Ce qui change</h2>
<ul>
<li><strong>une ouverture le samedi matin</strong>, pour les personnes qui travaillent en semaine ;</li>
<li><strong>plus de fruits, de légumes et de produits laitiers</strong>, grâce à de nouveaux réfrigérateurs ;</li>
<li><strong>un rayon hygiène et bébé</strong> : couches, lait infantile, produits d’entretien.</li>
</ul>
<h2>Bien manger avec un petit budget</h2>
<p>Une diététicienne anime un atelier cuisine chaque mois. Les participants préparent un repas complet avec les produits de l’épicerie, puis le partagent.</p>
<p>Les produits viennent de la banque alimentaire, de dons des supermarchés voisins et d’achats faits par l’association. Les invendus de fruits et de légumes du marché sont aussi récupérés chaque semaine.</p>
<blockquote><p>« Quand on a un petit budget, on achète ce qui remplit. Ici, j’ai appris à cuisiner des légumes que je ne connaissais pas, et mes enfants en redemandent », raconte Fatima E.</p></blockquote>
<p>L’épicerie cherche des bénévoles pour l’accueil et la mise en rayon. Pour proposer votre aide, écrivez à <a href="mailto:solidarite@portail.example">solidarite@portail.example</a>.</p>`,
    themes: ["solidarite", "sante"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    daysAgo: 40,
    illustration: {
      motif: "market",
      variant: 6,
      alt: "Illustration : des rayonnages remplis de cagettes de fruits et de légumes, avec une caisse au premier plan",
      caption: "Le nouveau local fait deux fois la taille de l’ancien.",
      credit: "Illustration Portail",
    },
    pinned: ["acces-aux-droits-permanence-nouveau-mons"],
  },
  {
    slug: "grand-froid-maraudes-renforcees",
    title: "Grand froid : les maraudes renforcées jusqu’à la fin de l’hiver",
    standfirst:
      "Quand les températures passent sous zéro, les équipes de maraude sortent chaque soir dans le centre et le Vieux-Lille. Si vous voyez une personne en difficulté dans la rue, appelez le 115 : l’appel est gratuit, jour et nuit.",
    body: `<p>Le plan grand froid est déclenché. Jusqu’à la fin de l’hiver, les équipes de maraude sortent tous les soirs, et non plus trois soirs par semaine. Elles parcourent en priorité le centre-ville, les abords des gares et le Vieux-Lille, où de nombreuses personnes dorment dehors.</p>
<h2>Ce que font les maraudes</h2>
<p>Les équipes, composées de travailleurs sociaux et de bénévoles, vont à la rencontre des personnes sans abri. Elles apportent des boissons chaudes, des couvertures et des duvets. Elles prennent aussi le temps de parler, et proposent une place en hébergement d’urgence.</p>
<h2>Des places supplémentaires</h2>
<p>Des places d’hébergement ont été ouvertes pour la période de grand froid. Un gymnase a aussi été aménagé en accueil de nuit, avec des lits, des douches et un repas chaud.</p>
<h2>Comment aider ?</h2>
<ul>
<li><strong>Appelez le 115</strong> si vous voyez une personne en difficulté. L’appel est gratuit, 24 heures sur 24.</li>
<li>En cas de danger immédiat, <strong>appelez le 15</strong> (SAMU).</li>
<li>Donnez des vêtements chauds, des gants et des bonnets aux associations : elles en manquent chaque hiver.</li>
</ul>
<blockquote><p>« Un bonjour, un café, ça paraît peu. Mais pour quelqu’un qui n’a parlé à personne depuis trois jours, c’est le début d’un lien. Parfois, c’est ce qui lui permet d’accepter un hébergement », explique Hélène C., bénévole depuis cinq ans.</p></blockquote>
<p>Les associations recherchent des bénévoles pour les maraudes du soir. Pour vous engager, écrivez à <a href="mailto:solidarite@portail.example">solidarite@portail.example</a>.</p>`,
    themes: ["solidarite", "sante"],
    neighbourhoods: ["lille-centre", "vieux-lille"],
    daysAgo: 300,
    illustration: {
      motif: "buildings",
      variant: 8,
      alt: "Illustration : une rue de nuit bordée de façades anciennes, avec des flocons de neige et un réverbère allumé",
      caption: "Les équipes sortent tous les soirs pendant la période de grand froid.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "repair-cafe-saint-maurice-pellevoisin",
    title: "Un repair café chaque mois à Saint-Maurice Pellevoisin",
    standfirst:
      "Grille-pain en panne, lampe qui clignote, pantalon déchiré ? Le premier samedi du mois, des bénévoles bricoleurs vous aident à réparer vos objets au lieu de les jeter. C’est gratuit, et vous repartez en sachant faire.",
    body: `<p>Le premier samedi de chaque mois, la salle polyvalente du quartier se transforme en atelier. Des tables, des outils, des fers à souder, des machines à coudre, et une quinzaine de bénévoles prêts à vous aider : bienvenue au repair café de Saint-Maurice Pellevoisin.</p>
<h2>Le principe</h2>
<p>Vous apportez un objet cassé. Un bénévole s’assoit avec vous, cherche la panne et vous montre comment la réparer. Vous participez à la réparation : l’idée n’est pas de faire à votre place, mais de vous apprendre.</p>
<ul>
<li><strong>petit électroménager</strong> : cafetière, aspirateur, grille-pain ;</li>
<li><strong>électronique</strong> : lampe, radio, chargeur ;</li>
<li><strong>couture</strong> : ourlet, fermeture éclair, accroc ;</li>
<li><strong>vélos et jouets</strong>.</li>
</ul>
<h2>Moins de déchets, plus de lien</h2>
<p>Lors des dernières séances, près de sept objets sur dix sont repartis en état de marche. Ce sont autant de déchets en moins et d’achats évités pour des familles au budget serré. Le repair café est aussi un lieu de rencontre : on y boit un café, on discute, on se rend des services.</p>
<blockquote><p>« J’ai été électricien pendant quarante ans. Ici, je transmets ce que je sais, et je rencontre des voisins que je n’aurais jamais croisés », confie Gérard H., bénévole.</p></blockquote>
<h2>Infos pratiques</h2>
<p>Le repair café a lieu le premier samedi du mois, de 14 h à 17 h. L’entrée est libre. Vous savez réparer quelque chose et voulez rejoindre l’équipe ? Écrivez à <a href="mailto:repair-cafe@portail.example">repair-cafe@portail.example</a>.</p>`,
    themes: ["solidarite", "cadre-de-vie"],
    neighbourhoods: ["saint-maurice-pellevoisin"],
    daysAgo: 445,
    illustration: {
      motif: "workshop",
      variant: 9,
      alt: "Illustration : une table couverte d’outils, avec un grille-pain ouvert et une lampe de bureau",
      caption: "Sept objets sur dix repartent réparés.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "acces-aux-droits-permanence-nouveau-mons",
    title: "Accès aux droits : une permanence au plus près des habitants",
    standfirst:
      "Allocations, retraite, santé, logement : chaque jeudi, dans le quartier prioritaire Nouveau Mons - Les Sarts- Dombrowski, des conseillers vous aident à faire vos démarches et à demander les aides auxquelles vous avez droit.",
    body: `<p>Beaucoup de personnes ne touchent pas les aides auxquelles elles ont droit. Elles ignorent qu’elles existent, ou renoncent face à des démarches compliquées, souvent en ligne. Pour changer cela, une permanence d’accès aux droits ouvre chaque jeudi dans le quartier prioritaire.</p>
<h2>Ce que vous pouvez y faire</h2>
<ul>
<li>vérifier vos droits aux prestations familiales, au RSA ou à la prime d’activité ;</li>
<li>demander la complémentaire santé solidaire ;</li>
<li>constituer un dossier de retraite ou de demande de logement social ;</li>
<li>comprendre un courrier administratif et y répondre ;</li>
<li>créer vos comptes en ligne et apprendre à vous en servir.</li>
</ul>
<h2>Un accueil sans rendez-vous</h2>
<p>Deux conseillers vous reçoivent, avec un interprète sur demande. Apportez une pièce d’identité, votre dernier avis d’imposition et les courriers qui vous posent question. Si votre situation demande un suivi, le conseiller prend rendez-vous pour vous auprès du bon organisme.</p>
<blockquote><p>« Je pensais ne pas avoir droit à la prime d’activité parce que je travaille. En vingt minutes, on a fait la demande ensemble », raconte Rachid A., habitant du quartier.</p></blockquote>
<h2>Un quartier, trois communes</h2>
<p>Le quartier prioritaire s’étend sur Lille, Mons-en-Barœul et Villeneuve-d’Ascq. La permanence est ouverte à tous ses habitants, quelle que soit leur commune. Elle a lieu le jeudi de 9 h à 12 h et de 13 h 30 à 16 h 30, au centre social. Pour en savoir plus, lisez <a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a>.</p>`,
    themes: ["solidarite", "politique-de-la-ville"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    daysAgo: 120,
    illustration: {
      motif: "meeting",
      variant: 1,
      alt: "Illustration : un guichet d’accueil avec deux chaises, un ordinateur et une pile de formulaires",
      caption: "La permanence accueille sans rendez-vous, chaque jeudi.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "contrat-de-ville-appel-a-projets-associations",
    title: "Contrat de ville : l’appel à projets pour les associations est ouvert",
    standfirst:
      "Vous portez un projet utile aux habitants d’un quartier prioritaire ? Les associations ont six semaines pour demander un financement au titre du contrat de ville. Une réunion d’information aide les nouveaux venus à monter leur dossier.",
    body: `<p>Chaque année, l’État, la Métropole et la Ville financent des actions menées par des associations dans les quartiers prioritaires. L’appel à projets est ouvert : vous avez six semaines pour déposer votre dossier.</p>
<h2>Quels projets ?</h2>
<p>Les projets doivent bénéficier directement aux habitants d’un ou de plusieurs des cinq quartiers prioritaires lillois. Ils doivent répondre aux priorités du contrat de ville 2024-2030, détaillées dans le cahier des charges. Les actions qui touchent par exemple à ces sujets sont les bienvenues :</p>
<ul>
<li>l’accès à l’emploi et à la formation ;</li>
<li>la réussite éducative et le soutien aux parents ;</li>
<li>l’accès aux droits et à la santé ;</li>
<li>le cadre de vie et la tranquillité ;</li>
<li>la participation des habitants.</li>
</ul>
<h2>Première demande ? On vous accompagne</h2>
<p>Une réunion d’information a lieu mardi à 18 h à la mairie de quartier. L’équipe de la Politique de la Ville y présente les critères et les pièces à fournir. Elle peut aussi relire votre dossier avant son dépôt.</p>
<blockquote><p>« La première fois, le dossier m’a fait peur. Avec l’aide de l’équipe, notre petite association a obtenu un financement pour ses ateliers d’écriture », raconte Mireille F., présidente d’une association du Secteur Nord.</p></blockquote>
<h2>Comment déposer votre dossier ?</h2>
<p>Le dossier se dépose en ligne. Votre association doit être déclarée et avoir un numéro SIRET. Pour recevoir le cahier des charges, écrivez à <a href="mailto:politique-de-la-ville@portail.example">politique-de-la-ville@portail.example</a>. Pour comprendre le cadre général, lisez <a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a>.</p>`,
    themes: ["politique-de-la-ville", "citoyennete"],
    neighbourhoods: ["qpv-secteur-ouest", "qpv-secteur-nord"],
    daysAgo: 240,
    illustration: {
      motif: "meeting",
      variant: 3,
      alt: "Illustration : une salle de réunion avec des chaises en arc de cercle face à un tableau",
      caption: "Une réunion d’information présente les critères de l’appel à projets.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "nouvelle-carte-des-quartiers-prioritaires",
    title: "Quartiers prioritaires : ce que change la nouvelle carte pour Lille",
    standfirst:
      "Une nouvelle liste des quartiers prioritaires est entrée en vigueur le 1er janvier 2024. Cinq d’entre eux concernent Lille, dont deux partagés avec des communes voisines. Voici ce qu’il faut savoir.",
    body: `<p>Les quartiers prioritaires de la politique de la ville, ou QPV, sont définis par l’État. Leur liste a été renouvelée par le décret n° 2023-1314 du 28 décembre 2023. Elle s’applique depuis le 1er janvier 2024 et remplace celle de 2015.</p>
<h2>Comment un quartier devient-il prioritaire ?</h2>
<p>Le critère principal est le revenu des habitants. Un quartier est retenu quand une grande partie de sa population a de faibles revenus, comparés à ceux du pays et de l’agglomération. Les périmètres sont dessinés à partir des données de l’INSEE, puis discutés avec les élus locaux.</p>
<h2>Les cinq quartiers prioritaires lillois</h2>
<ul>
<li><strong>Secteur Ouest</strong> (QN05971M)</li>
<li><strong>Secteur Sud</strong> (QN05972M), qui s’étend aussi sur Faches-Thumesnil, Lezennes et Loos</li>
<li><strong>Secteur Nord Est</strong> (QN05973M)</li>
<li><strong>Secteur Nord</strong> (QN05974M)</li>
<li><strong>Nouveau Mons - Les Sarts- Dombrowski</strong> (QN05978M), partagé avec Mons-en-Barœul et Villeneuve-d’Ascq</li>
</ul>
<p>À l’échelle de la Métropole Européenne de Lille, la nouvelle liste compte 26 quartiers prioritaires.</p>
<h2>Ce que cela change pour vous</h2>
<p>Habiter un quartier prioritaire ne donne pas droit à une aide individuelle. En revanche, le quartier reçoit des moyens supplémentaires : financements pour les associations, actions pour l’emploi et l’éducation, projets de renouvellement urbain. Les bailleurs sociaux y bénéficient aussi d’un abattement de taxe foncière, en échange d’actions pour améliorer la vie des locataires.</p>
<p>Pour savoir comment la Ville agit dans ces quartiers, lisez <a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a>.</p>`,
    themes: ["politique-de-la-ville", "citoyennete"],
    neighbourhoods: ["qpv-secteur-sud", "qpv-nouveau-mons-les-sarts-dombrowski"],
    daysAgo: 715,
    illustration: {
      motif: "buildings",
      variant: 0,
      alt: "Illustration : un ensemble d’immeubles vus de haut, avec des rues et des espaces verts entre eux",
      caption: "Cinq quartiers prioritaires concernent Lille depuis le 1er janvier 2024.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "concorde-renouvellement-urbain-mode-d-emploi",
    title: "Concorde : ce qu’il faut savoir sur le renouvellement urbain du quartier",
    standfirst:
      "Le secteur Concorde, au Faubourg de Béthune, fait partie des premiers sites du nouveau programme de renouvellement urbain de la Métropole. Dates, acteurs, lieux d’information : les réponses à vos questions.",
    body: `<p>Vous habitez le Faubourg de Béthune et vous croisez des géomètres, des affiches de réunion publique ou des panneaux de chantier ? Voici les réponses aux questions que vous posez le plus souvent sur le projet Concorde.</p>
<h2>De quoi s’agit-il ?</h2>
<p>Concorde est l’un des sites lillois du nouveau programme de renouvellement urbain, ou NPRU. Ce programme transforme des quartiers prioritaires en profondeur : logements, espaces publics, équipements, activités. Il est piloté par la Métropole Européenne de Lille, avec l’Agence nationale pour la rénovation urbaine, la Ville et les bailleurs.</p>
<h2>Les dates clés</h2>
<ul>
<li><strong>12 décembre 2019</strong> : le conseil de la Métropole approuve la première phase du programme, qui comprend Concorde.</li>
<li>Le même jour, il confie l’aménagement du secteur à la SPL Euralille, une société publique locale.</li>
</ul>
<h2>Qui fait quoi ?</h2>
<p>L’aménageur conduit les études et les travaux sur les rues, les places et les réseaux. Les bailleurs sociaux se chargent des logements. La Ville veille à ce que les services et les équipements restent accessibles pendant toute la durée du projet.</p>
<h2>Où vous informer ?</h2>
<p>Une permanence d’information se tient chaque mercredi après-midi à la mairie de quartier. Vous pouvez y consulter les plans, poser vos questions et signaler une gêne liée aux chantiers. Pour une vue d’ensemble des sites lillois, consultez la page <a href="/solidarite/politique-de-la-ville/renouvellement-urbain">Renouvellement urbain</a>.</p>
<blockquote><p>« Je voulais savoir si mon immeuble était concerné. À la permanence, on m’a montré le plan et expliqué les étapes. Ça rassure », témoigne Josiane V., locataire depuis vingt ans.</p></blockquote>`,
    themes: ["politique-de-la-ville", "cadre-de-vie"],
    neighbourhoods: ["faubourg-de-bethune"],
    daysAgo: 150,
    illustration: {
      motif: "construction",
      variant: 4,
      alt: "Illustration : une grue et des échafaudages devant un immeuble, avec une palissade de chantier",
      caption: "Une permanence d’information se tient chaque mercredi à la mairie de quartier.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "engagements-quartiers-2030-ce-qui-change",
    title: "Engagements Quartiers 2030 : un contrat de ville construit avec les habitants",
    standfirst:
      "Les contrats de ville de nouvelle génération couvrent la période 2024-2030. Fini les trois piliers identiques partout : chaque territoire fixe ses priorités. Les habitants des quartiers prioritaires lillois ont été invités à donner leur avis.",
    body: `<p>Depuis 2015, les contrats de ville reposaient sur trois piliers : l’emploi et le développement économique, la cohésion sociale, le cadre de vie et le renouvellement urbain. La nouvelle génération, appelée « Engagements Quartiers 2030 », change de méthode.</p>
<h2>Des priorités choisies localement</h2>
<p>Les contrats 2024-2030 ne suivent plus un modèle national identique. Chaque territoire définit ses propres priorités, à partir des besoins observés dans ses quartiers. L’idée : concentrer les moyens sur quelques enjeux clairs plutôt que de tout traiter un peu.</p>
<p>Les partenaires restent les mêmes : l’État, la Métropole, les communes, mais aussi les bailleurs sociaux, les acteurs de l’emploi et les associations. Chacun s’engage sur des actions précises, suivies dans le temps.</p>
<h2>Les habitants consultés</h2>
<p>Pour préparer le contrat, des temps d’échange ont été organisés dans les quartiers prioritaires lillois, notamment dans le Secteur Nord et le Secteur Ouest. Les conseils citoyens, les associations et les habitants volontaires ont dit ce qui devait changer en premier. Plusieurs formats étaient proposés :</p>
<ul>
<li>des réunions publiques en soirée ;</li>
<li>des stands sur les marchés et à la sortie des écoles ;</li>
<li>un questionnaire en ligne et sur papier.</li>
</ul>
<blockquote><p>« On nous a demandé ce qui comptait pour nous. J’ai parlé des bus pour aller travailler tôt le matin. Maintenant, je veux voir ce que ça donne », explique Aïcha D., membre d’un conseil citoyen.</p></blockquote>
<h2>Et maintenant ?</h2>
<p>Le contrat fera l’objet d’un bilan régulier, présenté aux conseils citoyens. Pour suivre sa mise en œuvre, consultez la page <a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a>.</p>`,
    themes: ["politique-de-la-ville", "citoyennete"],
    neighbourhoods: ["qpv-secteur-nord", "qpv-secteur-ouest"],
    daysAgo: 575,
    illustration: {
      motif: "meeting",
      variant: 6,
      alt: "Illustration : un stand avec une table, des affiches et des bulles de dialogue au-dessus de plusieurs chaises",
      caption: "Des stands et des réunions ont recueilli l’avis des habitants.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "aide-aux-devoirs-benevoles-recherches",
    title: "Aide aux devoirs à Wazemmes : l’association cherche des bénévoles",
    standfirst:
      "Chaque soir après l’école, une quarantaine d’enfants viennent faire leurs devoirs au local de l’association. Pour accueillir ceux qui attendent une place, elle cherche une dizaine de bénévoles, disponibles une heure par semaine.",
    body: `<p>Il est 16 h 45. Dans la grande salle du local associatif, des enfants sortent leurs cahiers. Autour d’eux, des bénévoles relisent une dictée, expliquent une division, font réciter une leçon. Depuis la rentrée, l’association d’aide aux devoirs de Wazemmes affiche complet.</p>
<h2>Une liste d’attente</h2>
<p>Quarante enfants, du CP à la troisième, sont accueillis chaque soir, du lundi au jeudi. Vingt autres attendent une place. Beaucoup de parents ne peuvent pas aider leurs enfants : ils rentrent tard du travail, ou maîtrisent mal le français écrit.</p>
<h2>Qui peut devenir bénévole ?</h2>
<p>Tout le monde, ou presque. Pas besoin d’être enseignant. Il faut surtout être patient, à l’écoute et régulier.</p>
<ul>
<li><strong>Une heure par semaine</strong> suffit, le même jour chaque semaine.</li>
<li>Une formation courte vous est proposée en début d’année.</li>
<li>Les lycéens et les étudiants sont les bienvenus, tout comme les retraités.</li>
</ul>
<blockquote><p>« Je viens le mardi depuis deux ans. Voir un enfant qui n’osait pas lever la main réciter sa poésie devant la classe, ça n’a pas de prix », raconte Pierre-Yves L., ancien cheminot.</p></blockquote>
<h2>Les familles aussi accompagnées</h2>
<p>L’association reçoit les parents une fois par trimestre pour faire le point. Elle les aide aussi à utiliser l’espace numérique de l’école et à rencontrer les enseignants.</p>
<p>Pour devenir bénévole, écrivez à <a href="mailto:aide-aux-devoirs@portail.example">aide-aux-devoirs@portail.example</a> ou passez au local un soir de semaine.</p>`,
    themes: ["education", "solidarite"],
    neighbourhoods: ["wazemmes"],
    daysAgo: 28,
    illustration: {
      motif: "school",
      variant: 1,
      alt: "Illustration : une table couverte de cahiers ouverts, de crayons et d’une trousse, devant un tableau",
      caption: "Quarante enfants sont accueillis chaque soir, du lundi au jeudi.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "reussite-educative-accompagnement-sur-mesure",
    title: "Réussite éducative : un accompagnement sur mesure pour les enfants",
    standfirst:
      "Dans les quartiers prioritaires Secteur Nord et Secteur Nord Est, le programme de réussite éducative suit des enfants de 2 à 16 ans qui rencontrent des difficultés. Santé, scolarité, loisirs : chaque parcours est construit avec la famille.",
    body: `<p>Un enfant qui ne voit pas bien le tableau, un autre qui dort mal, un troisième qui se bat dans la cour : les difficultés scolaires ont souvent des causes qui dépassent l’école. Le programme de réussite éducative les prend en compte toutes ensemble.</p>
<h2>Pour qui ?</h2>
<p>Le programme s’adresse aux enfants de 2 à 16 ans qui habitent un quartier prioritaire ou y sont scolarisés. Ce sont souvent l’enseignant, l’infirmière scolaire ou l’assistante sociale qui le proposent. Les parents peuvent aussi en faire la demande.</p>
<h2>Comment ça se passe ?</h2>
<ol>
<li>Une référente rencontre la famille, à la maison ou à l’école.</li>
<li>Ensemble, elles repèrent les besoins de l’enfant.</li>
<li>Un parcours sur mesure est construit : orthophonie, soutien scolaire, activité sportive ou culturelle, aide aux parents.</li>
<li>La référente fait le point régulièrement avec la famille et les professionnels.</li>
</ol>
<p>L’accompagnement est gratuit. Il dure le temps nécessaire, souvent une année scolaire. Rien ne se fait sans l’accord des parents.</p>
<p>Les informations échangées entre professionnels restent confidentielles. Seules celles qui sont utiles à l’enfant circulent, toujours avec l’accord de la famille. Les parents restent les premiers éducateurs : la référente les aide, elle ne décide pas à leur place.</p>
<blockquote><p>« Mon fils avait du mal à se concentrer. On a fait un bilan, il a commencé le judo, et je me sens moins seule pour l’aider », témoigne Laëtitia P., maman d’un garçon de 8 ans.</p></blockquote>
<h2>Contact</h2>
<p>Parlez-en à l’enseignant de votre enfant ou écrivez à <a href="mailto:reussite-educative@portail.example">reussite-educative@portail.example</a>.</p>`,
    themes: ["education", "politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-nord", "qpv-secteur-nord-est"],
    daysAgo: 372,
    illustration: {
      motif: "school",
      variant: 4,
      alt: "Illustration : une façade d’école avec une horloge, des fenêtres colorées et une pile de livres au premier plan",
      caption: "Chaque parcours est construit avec la famille.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "bibliotheque-de-rue-lomme",
    title: "Lomme : la bibliothèque s’installe au pied des immeubles",
    standfirst:
      "Tous les mercredis après-midi, des bibliothécaires déroulent des tapis et ouvrent des caisses de livres entre les immeubles. Les enfants lisent, écoutent des histoires et empruntent des albums, sans carte ni inscription.",
    body: `<p>Mercredi, 14 h 30. Sur la pelouse entre deux immeubles, trois grands tapis colorés, des coussins et des caisses pleines d’albums. En quelques minutes, une vingtaine d’enfants s’installent. La bibliothèque de rue vient de commencer.</p>
<h2>Aller vers ceux qui ne viennent pas</h2>
<p>Beaucoup de familles ne fréquentent pas la médiathèque : elle leur semble loin, ou intimidante. Alors les bibliothécaires viennent à elles. Chaque mercredi, d’avril à octobre, ils s’installent dans un secteur différent de Lomme. En hiver, la bibliothèque de rue se replie dans les centres sociaux.</p>
<h2>Lire pour le plaisir</h2>
<p>Ici, pas d’exercice ni de note. Les enfants choisissent les livres qu’ils veulent, les feuillettent seuls ou se les font lire. Les plus grands lisent aux plus petits.</p>
<ul>
<li>des albums pour les tout-petits, dès 1 an ;</li>
<li>des bandes dessinées et des documentaires ;</li>
<li>des livres en plusieurs langues, pour lire aussi dans la langue de la famille ;</li>
<li>des jeux de société, pour jouer avec les mots.</li>
</ul>
<blockquote><p>« Mon fils ne voulait jamais lire. Depuis qu’il vient ici, il réclame une histoire tous les soirs », raconte Sandrine T., maman d’un garçon de 6 ans.</p></blockquote>
<h2>Emprunter sans carte</h2>
<p>Les enfants peuvent emporter un livre chez eux et le rapporter la semaine suivante. Aucune inscription n’est demandée. Les parents qui le souhaitent peuvent s’inscrire gratuitement à la médiathèque, sur place.</p>
<p>Le calendrier des étapes est affiché dans les halls d’immeuble et à la mairie de Lomme.</p>`,
    themes: ["education", "culture"],
    neighbourhoods: ["lomme"],
    daysAgo: 540,
    illustration: {
      motif: "school",
      variant: 7,
      alt: "Illustration : des tapis et des coussins posés sur une pelouse, avec des caisses de livres ouvertes",
      caption: "La bibliothèque de rue s’installe chaque mercredi, d’avril à octobre.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "ateliers-numeriques-demarches-en-ligne",
    title: "Ateliers numériques : apprenez à faire vos démarches en ligne",
    standfirst:
      "Créer une adresse e-mail, déclarer ses revenus, prendre un rendez-vous médical : à Hellemmes et à Fives, des ateliers gratuits vous apprennent à utiliser un ordinateur ou un téléphone pour vos démarches, à votre rythme.",
    body: `<p>De plus en plus de démarches se font uniquement en ligne. Pour les personnes qui ne sont pas à l’aise avec un ordinateur ou un smartphone, c’est un vrai obstacle. Des ateliers numériques gratuits ouvrent à Hellemmes et à Fives pour vous aider.</p>
<h2>Ce que vous apprendrez</h2>
<ul>
<li>utiliser une souris, un clavier, un écran tactile ;</li>
<li>créer et consulter une adresse e-mail ;</li>
<li>vous connecter à vos comptes : impôts, caisse d’allocations familiales, Assurance maladie ;</li>
<li>prendre un rendez-vous médical en ligne ;</li>
<li>repérer les messages frauduleux et protéger vos données.</li>
</ul>
<h2>En petits groupes, à votre rythme</h2>
<p>Les ateliers réunissent six personnes au maximum, avec une conseillère numérique. Ils durent deux heures, une fois par semaine, pendant six semaines. Vous pouvez venir avec votre propre téléphone ou utiliser les ordinateurs de l’atelier.</p>
<p>Aucun niveau n’est demandé. Certains participants n’ont jamais touché un ordinateur, d’autres veulent seulement gagner en assurance. La conseillère adapte le contenu au groupe.</p>
<blockquote><p>« J’avais honte de demander à mes petits-enfants. Maintenant, je fais ma déclaration d’impôts toute seule, et je leur envoie des photos », sourit Monique B., 72 ans.</p></blockquote>
<h2>Où et quand ?</h2>
<p>À Hellemmes, les ateliers ont lieu le lundi matin à la médiathèque. À Fives, le jeudi après-midi au centre social. L’inscription est obligatoire, car les places sont limitées. Appelez votre mairie de quartier ou écrivez à <a href="mailto:numerique@portail.example">numerique@portail.example</a>.</p>
<p>Vous avez une démarche urgente ? Les conseillers numériques vous reçoivent aussi sans rendez-vous, le vendredi matin, pour une aide ponctuelle.</p>`,
    themes: ["education", "citoyennete"],
    neighbourhoods: ["hellemmes", "fives"],
    daysAgo: 88,
    illustration: {
      motif: "school",
      variant: 9,
      alt: "Illustration : une salle avec des ordinateurs sur des tables et un tableau blanc au mur",
      caption: "Six personnes au maximum par atelier, avec une conseillère numérique.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "fete-de-quartier-moulins",
    title: "Fête de quartier à Moulins : musique, spectacles et grande tablée",
    standfirst:
      "Samedi, Moulins fait la fête de midi à minuit. Au programme : fanfare, spectacles pour enfants, scène ouverte aux talents du quartier et un grand repas partagé. Chacun apporte un plat, la Ville fournit les tables.",
    body: `<p>C’est le rendez-vous que les habitants de Moulins ne manquent pas. Samedi, la fête de quartier investit les rues et la place, de midi à minuit. Une vingtaine d’associations ont préparé le programme, avec le soutien de la mairie de quartier.</p>
<h2>Au programme</h2>
<ul>
<li><strong>12 h</strong> : grand repas partagé sur la place. Apportez un plat salé ou sucré, la Ville installe les tables et les bancs.</li>
<li><strong>14 h</strong> : spectacles de marionnettes et de cirque pour les enfants.</li>
<li><strong>16 h</strong> : défilé de la fanfare dans les rues du quartier.</li>
<li><strong>18 h</strong> : scène ouverte aux talents du quartier : chant, danse, rap, slam.</li>
<li><strong>21 h</strong> : concert et bal populaire.</li>
</ul>
<h2>Une scène ouverte à tous</h2>
<p>La scène ouverte est le moment fort de la journée. Cette année, une vingtaine d’artistes amateurs s’y succéderont, des enfants de la chorale de l’école aux danseurs de hip-hop du centre social.</p>
<blockquote><p>« La première fois que j’ai chanté sur cette scène, j’avais 14 ans. Aujourd’hui, je fais partie des organisateurs, et je veux que les plus jeunes vivent la même chose », raconte Mehdi O., 24 ans.</p></blockquote>
<h2>Une fête accessible</h2>
<p>Tous les spectacles sont gratuits. Un espace calme est prévu pour les personnes qui en ont besoin, et des toilettes accessibles sont installées sur la place. Les rues sont fermées à la circulation de 10 h à 1 h du matin.</p>
<p>Vous souhaitez tenir un stand ou donner un coup de main le jour J ? Écrivez à <a href="mailto:fete-moulins@portail.example">fete-moulins@portail.example</a>.</p>`,
    themes: ["culture", "citoyennete"],
    neighbourhoods: ["lille-moulins"],
    daysAgo: 355,
    illustration: {
      motif: "culture",
      variant: 2,
      alt: "Illustration : une petite scène sous des guirlandes lumineuses, avec des notes de musique qui s’envolent",
      caption: "La scène ouverte accueille les talents du quartier à partir de 18 h.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "fresque-participative-bois-blancs",
    title: "Bois-Blancs : une fresque participative sur le mur de la salle de sport",
    standfirst:
      "Pendant deux semaines, une artiste et une cinquantaine d’habitants ont peint ensemble un mur de 40 mètres. Le thème, choisi en atelier : la Deûle, ses péniches et les oiseaux qui vivent sur ses berges.",
    body: `<p>Il était gris, tagué et un peu triste. Le long mur de la salle de sport de Bois-Blancs est devenu en deux semaines une grande fresque colorée. Elle a été peinte par une artiste muraliste, Anaïs V., et une cinquantaine d’habitants de tous âges.</p>
<h2>Un thème choisi par les habitants</h2>
<p>Avant de sortir les pinceaux, trois ateliers ont réuni les habitants pour choisir le thème. Le quartier longe la Deûle : c’est elle qui s’est imposée. La fresque montre des péniches, des hérons, des cygnes et des enfants qui jouent au bord de l’eau.</p>
<p>Les croquis des enfants ont servi de base : l’artiste a repris leurs dessins de poissons et d’oiseaux dans la composition. Chaque participant peut ainsi retrouver sur le mur un détail qu’il a imaginé.</p>
<h2>Chacun a tenu le pinceau</h2>
<p>L’artiste a tracé les grandes lignes. Les habitants ont rempli les formes, par petits groupes, selon leurs disponibilités :</p>
<ul>
<li>les écoles du quartier, le matin ;</li>
<li>les jeunes du centre social, l’après-midi ;</li>
<li>les familles et les retraités, le samedi.</li>
</ul>
<blockquote><p>« J’ai peint le héron, là, au-dessus de la porte. Chaque fois que je passe, je le montre à mes copains », explique fièrement Yanis, 9 ans.</p></blockquote>
<h2>Un mur protégé</h2>
<p>La fresque a été recouverte d’un vernis qui la protège des intempéries et facilite l’effacement des tags. Elle sera inaugurée samedi à 11 h, avec un goûter offert par le conseil de quartier. Le projet a été financé dans le cadre du soutien aux initiatives culturelles dans les quartiers.</p>`,
    themes: ["culture", "cadre-de-vie"],
    neighbourhoods: ["bois-blancs"],
    daysAgo: 190,
    illustration: {
      motif: "culture",
      variant: 5,
      alt: "Illustration : un long mur peint d’une rivière avec une péniche et un héron, un escabeau et des pots de peinture devant",
      caption: "La fresque s’étend sur 40 mètres le long de la salle de sport.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "chorale-intergenerationnelle-saint-maurice",
    title: "De 8 à 88 ans, une chorale qui rapproche les générations",
    standfirst:
      "À Saint-Maurice Pellevoisin, une chorale réunit chaque semaine des écoliers et les habitants d’une résidence pour personnes âgées. Après un an de répétitions, elle donne son premier concert, ouvert à tous.",
    body: `<p>Le jeudi à 16 h 30, la salle commune de la résidence pour personnes âgées s’anime. Une douzaine d’écoliers arrivent, cartable sur le dos, et prennent place à côté des résidents. La répétition peut commencer.</p>
<h2>Une idée née pendant l’hiver</h2>
<p>L’idée vient d’une animatrice de la résidence et d’une enseignante de l’école voisine. Elles voulaient rompre l’isolement des résidents et faire découvrir le chant aux enfants. Un chef de chœur bénévole, Bernard F., a accepté de les diriger.</p>
<h2>Un répertoire partagé</h2>
<p>Chaque génération apporte ses chansons. Les résidents ont fait découvrir aux enfants des airs de leur jeunesse ; les enfants ont appris aux aînés des chansons entendues à la radio. Le répertoire mélange désormais chanson française, comptines et chants du monde.</p>
<p>Les bienfaits dépassent la musique. Les enfants apprennent la patience et l’écoute, les résidents retrouvent l’envie de sortir de leur chambre. Les soignants l’ont remarqué : les jours de répétition, l’ambiance est plus joyeuse dans les couloirs.</p>
<blockquote><p>« Les enfants m’appellent par mon prénom et me racontent leur journée. Je n’avais pas ri comme ça depuis longtemps », confie Odette M., 88 ans, doyenne de la chorale.</p></blockquote>
<h2>Un premier concert</h2>
<p>Après un an de répétitions, la chorale donne son premier concert samedi à 15 h, à la salle des fêtes du quartier. L’entrée est libre. Les familles, les voisins et tous les curieux sont invités.</p>
<p>La chorale cherche d’autres résidences et d’autres écoles prêtes à tenter l’expérience. Pour en savoir plus, écrivez à <a href="mailto:culture@portail.example">culture@portail.example</a>.</p>`,
    themes: ["culture", "solidarite"],
    neighbourhoods: ["saint-maurice-pellevoisin"],
    daysAgo: 620,
    illustration: {
      motif: "culture",
      variant: 8,
      alt: "Illustration : des pupitres et des chaises en demi-cercle, avec des notes de musique au-dessus",
      caption: "Écoliers et résidents répètent ensemble chaque jeudi.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "cinema-plein-air-secteur-nord",
    title: "Cinéma en plein air : quatre soirées gratuites dans le Secteur Nord",
    standfirst:
      "Transats, couvertures et grand écran gonflable : cet été, le cinéma en plein air s’installe dans le quartier prioritaire Secteur Nord. Les habitants ont choisi eux-mêmes les films, lors d’un vote organisé au printemps.",
    body: `<p>Quand la nuit tombe, un grand écran gonflable se dresse entre les immeubles. Les habitants arrivent avec leurs chaises pliantes et leurs couvertures. Pendant quatre soirées, le cinéma vient à eux, dans le Secteur Nord.</p>
<h2>Des films choisis par les habitants</h2>
<p>Au printemps, une liste de quinze films a été soumise au vote dans les écoles, au centre social et sur le marché. Plus de 600 habitants ont voté. Les quatre films arrivés en tête seront projetés : un film d’animation, une comédie, un film d’aventure et un documentaire sur la musique.</p>
<p>Le vote a aussi permis de rencontrer des habitants qui ne viennent jamais aux réunions. Beaucoup en ont profité pour proposer d’autres idées d’activités pour l’été, que le centre social étudiera avec eux.</p>
<h2>Avant la séance</h2>
<p>Chaque soirée commence à 19 h, bien avant la projection :</p>
<ul>
<li>un pique-nique partagé, avec une buvette tenue par une association de parents ;</li>
<li>un atelier de fabrication de folioscopes pour les enfants ;</li>
<li>la projection de courts métrages réalisés par les jeunes du quartier.</li>
</ul>
<blockquote><p>« Beaucoup d’enfants d’ici ne sont jamais allés au cinéma. Les voir crier et applaudir devant l’écran, c’est magique », raconte Sébastien K., animateur au centre social.</p></blockquote>
<h2>Infos pratiques</h2>
<p>Les projections commencent à la tombée de la nuit, vers 22 h. Elles sont gratuites et sans réservation. En cas de pluie, elles ont lieu dans le gymnase voisin. Tous les films sont sous-titrés pour les personnes sourdes ou malentendantes.</p>`,
    themes: ["culture", "politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-nord"],
    daysAgo: 410,
    illustration: {
      motif: "culture",
      variant: 0,
      alt: "Illustration : un écran gonflable entre deux immeubles, avec des rangées de transats et un ciel étoilé",
      caption: "Les projections commencent à la tombée de la nuit.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "boxe-educative-creneau-filles-fives",
    title: "Boxe éducative : le club de Fives ouvre un créneau réservé aux filles",
    standfirst:
      "Le club de boxe de Fives lance un cours réservé aux filles de 10 à 17 ans, encadré par une entraîneuse diplômée. Au programme : technique, condition physique et confiance en soi, sans coups appuyés.",
    body: `<p>Le mercredi à 17 h, la salle du club de boxe de Fives est désormais réservée aux filles. Le club a ouvert ce créneau après avoir constaté que très peu d’entre elles osaient s’inscrire dans les cours mixtes.</p>
<h2>La boxe éducative, c’est quoi ?</h2>
<p>La boxe éducative est une forme de boxe sans coups appuyés. Les touches sont contrôlées et la tête est protégée par un casque. Elle permet d’apprendre la technique, les déplacements et la stratégie, avec peu de risques de blessure. C’est une bonne porte d’entrée pour les débutantes.</p>
<h2>Plus que du sport</h2>
<p>L’entraîneuse, Kenza M., est diplômée d’État. Elle a elle-même commencé la boxe dans ce club, à 12 ans. Pour elle, le ring est une école de la confiance.</p>
<blockquote><p>« Ici, les filles apprennent à se tenir droites, à regarder l’autre dans les yeux, à ne pas baisser les bras. Ça leur sert au collège, dans la rue, partout », explique-t-elle.</p></blockquote>
<ul>
<li><strong>Pour qui</strong> : les filles de 10 à 17 ans, débutantes ou non.</li>
<li><strong>Quand</strong> : le mercredi de 17 h à 18 h 30.</li>
<li><strong>Combien</strong> : 40 € l’année, avec le prêt des gants et des protections.</li>
<li><strong>Aides</strong> : le Pass’Sport et les aides de la Ville peuvent réduire ce montant.</li>
</ul>
<h2>Deux séances d’essai gratuites</h2>
<p>Vous pouvez participer à deux séances d’essai avant de vous inscrire. Venez en tenue de sport, avec une bouteille d’eau. Les parents sont les bienvenus pour assister au premier cours.</p>`,
    themes: ["sport", "citoyennete"],
    neighbourhoods: ["fives"],
    daysAgo: 7,
    illustration: {
      motif: "sport",
      variant: 5,
      alt: "Illustration : un ring de boxe vu de côté, avec une paire de gants posée sur les cordes",
      caption: "Le cours a lieu chaque mercredi à 17 h.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "city-stade-renove-nouveau-mons",
    title: "Nouveau Mons - Les Sarts- Dombrowski : le city-stade fait peau neuve",
    standfirst:
      "Nouveau revêtement, paniers de basket neufs, éclairage et bancs : après trois mois de travaux, le terrain multisport du quartier rouvre. Les jeunes qui l’utilisent chaque jour ont participé au choix des équipements.",
    body: `<p>Le grillage était troué, le sol fissuré et les paniers sans filet. Après trois mois de travaux, le city-stade du quartier a rouvert samedi, sous les applaudissements d’une centaine de jeunes et de familles.</p>
<h2>Ce qui a changé</h2>
<ul>
<li>un <strong>revêtement neuf</strong>, plus souple, qui limite les blessures ;</li>
<li>des <strong>buts et des paniers neufs</strong>, dont un panier plus bas pour les enfants ;</li>
<li>un <strong>éclairage à détection</strong>, qui s’éteint à 22 h pour respecter le sommeil des riverains ;</li>
<li>des <strong>bancs et un point d’eau</strong> à l’entrée du terrain.</li>
</ul>
<h2>Les jeunes consultés</h2>
<p>Avant les travaux, les éducateurs de rue ont réuni les habitués du terrain. Les jeunes ont demandé un panier de basket supplémentaire et un accès plus simple pour les fauteuils roulants : ces demandes ont été retenues. Les filles, peu présentes sur le terrain, ont aussi été interrogées. Elles souhaitaient des créneaux réservés, qu’une association sportive animera chaque mercredi.</p>
<blockquote><p>« Avant, on jouait sur du béton cassé. Là, on a un vrai terrain, et c’est nous qui avons choisi ce qu’il y a dessus », se réjouit Moussa D., 16 ans.</p></blockquote>
<h2>Un terrain partagé</h2>
<p>Le city-stade est ouvert tous les jours de 9 h à 22 h, en accès libre. Les écoles du quartier l’utilisent en journée pour l’éducation physique. Le projet a été financé au titre de l’action pour les quartiers prioritaires, présentée sur la page <a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a>.</p>`,
    themes: ["sport", "cadre-de-vie"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    daysAgo: 255,
    illustration: {
      motif: "sport",
      variant: 8,
      alt: "Illustration : un terrain multisport entouré d’un grillage, avec un panier de basket, des buts et des bancs",
      caption: "Le terrain est ouvert tous les jours de 9 h à 22 h.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "course-solidaire-citadelle",
    title: "Une course solidaire autour de la Citadelle pour l’aide alimentaire",
    standfirst:
      "Dimanche matin, courez ou marchez autour de la Citadelle pour la bonne cause. Chaque inscription finance des colis alimentaires pour des familles en difficulté. Trois parcours sont proposés, dont un accessible aux poussettes et aux fauteuils.",
    body: `<p>Le bois de la Citadelle accueille dimanche la course solidaire organisée par plusieurs associations du quartier Vauban-Esquermes. Le principe est simple : vous payez votre inscription, et toutes les recettes sont reversées à l’aide alimentaire.</p>
<h2>Trois parcours au choix</h2>
<ul>
<li><strong>10 kilomètres</strong> en courant, départ à 9 h 30 ;</li>
<li><strong>5 kilomètres</strong> en courant ou en marchant, départ à 10 h ;</li>
<li><strong>2 kilomètres</strong> pour les familles, accessible aux poussettes et aux fauteuils roulants, départ à 10 h 30.</li>
</ul>
<p>Sur les deux parcours les plus courts, pas de chronomètre : l’important, c’est de participer.</p>
<h2>Où va l’argent ?</h2>
<p>L’inscription coûte 10 €, 5 € pour les moins de 18 ans. Avec 10 €, une association peut composer un colis de produits de base pour une famille. Les entreprises partenaires s’engagent aussi à doubler la somme récoltée par leurs salariés.</p>
<p>Les colis seront distribués dans les semaines suivantes par les associations partenaires, aux familles qu’elles accompagnent déjà. Le montant total récolté sera annoncé à l’arrivée de la dernière course.</p>
<blockquote><p>« L’an dernier, j’ai couru avec mes collègues. Cette année, j’emmène mes enfants sur le parcours famille. C’est une belle façon de leur montrer que le sport peut servir à aider les autres », témoigne Virginie S., habitante du quartier.</p></blockquote>
<h2>S’inscrire</h2>
<p>Les inscriptions sont ouvertes en ligne jusqu’à vendredi, puis sur place dimanche dès 8 h 30. Les dossards sont à retirer au village de départ, près de l’entrée principale du bois. Pour devenir bénévole le jour de la course, écrivez à <a href="mailto:course-solidaire@portail.example">course-solidaire@portail.example</a>.</p>`,
    themes: ["sport", "solidarite"],
    neighbourhoods: ["vauban-esquermes"],
    daysAgo: 460,
    illustration: {
      motif: "park",
      variant: 3,
      alt: "Illustration : une allée arborée avec une arche de départ et des fanions colorés",
      caption: "Trois parcours sont proposés dans le bois de la Citadelle.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "apprendre-a-nager-hellemmes",
    title: "Hellemmes : des stages gratuits pour apprendre à nager avant le collège",
    standfirst:
      "Trop d’enfants entrent au collège sans savoir nager. Pour y remédier, Hellemmes propose des stages gratuits pendant les vacances aux élèves de CM1 et de CM2 qui n’ont pas encore obtenu leur attestation du savoir-nager.",
    body: `<p>Savoir nager, c’est une question de sécurité. Pourtant, beaucoup d’enfants arrivent au collège sans savoir se débrouiller dans l’eau. Certains n’ont eu que quelques séances de piscine avec l’école ; d’autres n’ont jamais eu l’occasion d’aller se baigner en famille.</p>
<h2>Des stages intensifs pendant les vacances</h2>
<p>La commune associée d’Hellemmes propose des stages gratuits pendant les vacances scolaires. Ils s’adressent aux élèves de CM1 et de CM2 des écoles d’Hellemmes qui n’ont pas encore obtenu l’attestation du savoir-nager.</p>
<ul>
<li><strong>Durée</strong> : cinq matinées d’une heure, du lundi au vendredi.</li>
<li><strong>Groupes</strong> : huit enfants au maximum par maître-nageur.</li>
<li><strong>Objectif</strong> : entrer dans l’eau, flotter, se déplacer sur 20 mètres et rejoindre le bord seul.</li>
</ul>
<h2>Vaincre la peur de l’eau</h2>
<p>Le premier jour, certains enfants refusent de lâcher le bord. Les maîtres-nageurs prennent le temps. Ils commencent par des jeux dans le petit bassin, puis avancent étape par étape.</p>
<p>À la fin du stage, les enfants qui réussissent le test reçoivent leur attestation. Les autres peuvent revenir au stage suivant : personne n’est laissé de côté.</p>
<blockquote><p>« Lundi, Inaya pleurait en voyant le bassin. Vendredi, elle a sauté du plot. Je ne l’ai jamais vue aussi fière », raconte Khadija Z., sa maman.</p></blockquote>
<h2>Inscrire votre enfant</h2>
<p>Les enseignants repèrent les élèves concernés et remettent un formulaire aux familles. Vous pouvez aussi inscrire votre enfant à l’accueil de la mairie d’Hellemmes. Un car assure le trajet entre les écoles et la piscine. Pour toute question, écrivez à <a href="mailto:sport@portail.example">sport@portail.example</a>.</p>`,
    themes: ["sport", "education"],
    neighbourhoods: ["hellemmes"],
    daysAgo: 590,
    illustration: {
      motif: "sport",
      variant: 1,
      alt: "Illustration : un bassin de piscine avec des lignes d’eau, des frites en mousse et un plongeoir",
      caption: "Huit enfants au maximum par maître-nageur.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "maison-de-sante-ouvre-lille-sud",
    title: "Une maison de santé ouvre ses portes à Lille-Sud",
    standfirst:
      "Médecins généralistes, infirmières, kinésithérapeute, sage-femme et psychologue : une maison de santé pluriprofessionnelle ouvre à Lille-Sud. Elle accepte de nouveaux patients, y compris ceux qui n’ont pas de médecin traitant.",
    body: `<p>Trouver un médecin traitant est devenu difficile dans de nombreux quartiers. À Lille-Sud, la nouvelle maison de santé pluriprofessionnelle ouvre ses portes lundi. Elle réunit sous un même toit une quinzaine de professionnels de santé.</p>
<h2>Qui y travaille ?</h2>
<ul>
<li>quatre médecins généralistes, dont deux qui s’installent pour la première fois ;</li>
<li>trois infirmières, qui font aussi des soins à domicile ;</li>
<li>un kinésithérapeute et une orthophoniste ;</li>
<li>une sage-femme, pour le suivi des grossesses et la contraception ;</li>
<li>une psychologue et une diététicienne.</li>
</ul>
<h2>De nouveaux patients acceptés</h2>
<p>Les médecins acceptent de nouveaux patients. Ils donnent la priorité aux habitants du quartier sans médecin traitant, aux enfants et aux personnes atteintes d’une maladie chronique. Les consultations sont remboursées par l’Assurance maladie et le tiers payant est pratiqué : vous n’avancez pas les frais.</p>
<h2>Travailler en équipe</h2>
<p>Dans une maison de santé, les professionnels partagent le même dossier et se réunissent chaque semaine pour parler des situations complexes. Une coordinatrice aide aussi les patients dans leurs démarches : ouverture de droits, rendez-vous chez un spécialiste.</p>
<blockquote><p>« Je n’avais plus de médecin depuis deux ans. J’attendais que ça aille vraiment mal pour aller aux urgences. Maintenant, j’ai un suivi », témoigne Daniel R., 58 ans.</p></blockquote>
<p>L’installation de la maison de santé a été soutenue au titre de l’accès aux soins dans les quartiers prioritaires. Prenez rendez-vous par téléphone ou à l’accueil, du lundi au samedi.</p>`,
    themes: ["sante", "politique-de-la-ville"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    daysAgo: 0,
    illustration: {
      motif: "health",
      variant: 0,
      alt: "Illustration : un bâtiment moderne avec une croix verte au-dessus de l’entrée et une rampe d’accès",
      caption: "La maison de santé réunit une quinzaine de professionnels.",
      credit: "Illustration Portail",
    },
    pinned: ["conseil-citoyen-secteur-sud-recrute", "epicerie-solidaire-agrandit-ses-rayons"],
  },
  {
    slug: "depistage-bus-sante-centre-vieux-lille",
    title: "Un bus de dépistage gratuit fait étape dans le centre et le Vieux-Lille",
    standfirst:
      "Diabète, tension, vue, audition : pendant une semaine, un bus de prévention propose des dépistages gratuits et sans rendez-vous. Des infirmières vous reçoivent et vous orientent si un suivi est nécessaire.",
    body: `<p>Beaucoup de maladies se soignent mieux quand elles sont découvertes tôt. Pourtant, de nombreuses personnes ne font jamais de bilan de santé, faute de temps, de médecin ou d’information. Pour aller à leur rencontre, un bus de prévention fait étape dans le centre-ville et le Vieux-Lille.</p>
<h2>Les dépistages proposés</h2>
<ul>
<li>la mesure de la tension artérielle ;</li>
<li>un test de glycémie au bout du doigt, pour repérer un diabète ;</li>
<li>un contrôle de la vue et de l’audition ;</li>
<li>des informations sur le dépistage des cancers et sur la vaccination.</li>
</ul>
<p>Chaque dépistage dure une quinzaine de minutes. Il est gratuit, sans rendez-vous, et anonyme si vous le souhaitez.</p>
<h2>Et si un résultat est anormal ?</h2>
<p>Les infirmières vous expliquent le résultat et vous remettent un courrier pour votre médecin. Si vous n’en avez pas, elles vous orientent vers une maison de santé ou un centre de santé proche de chez vous.</p>
<blockquote><p>« Je suis venu pour accompagner ma femme. Finalement, c’est moi qui suis reparti avec une tension trop élevée et un rendez-vous chez le médecin. Heureusement que je suis passé », raconte Alain D., 63 ans.</p></blockquote>
<h2>Les étapes du bus</h2>
<p>Le bus stationne trois jours dans le centre-ville, puis deux jours dans le Vieux-Lille. Il est ouvert de 9 h 30 à 17 h. Le calendrier détaillé est affiché dans les mairies de quartier et les pharmacies.</p>`,
    themes: ["sante"],
    neighbourhoods: ["lille-centre", "vieux-lille"],
    daysAgo: 135,
    illustration: {
      motif: "health",
      variant: 3,
      alt: "Illustration : un bus aménagé en cabinet médical, garé sur une place pavée, avec une croix sur le côté",
      caption: "Le bus stationne trois jours dans le centre, puis deux jours dans le Vieux-Lille.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "ateliers-cuisine-familles-petit-budget",
    title: "Bien manger sans se ruiner : des ateliers cuisine pour les familles",
    standfirst:
      "Au Faubourg de Béthune et à Wazemmes, une diététicienne et une cuisinière animent des ateliers gratuits pour les parents et leurs enfants. On y apprend à cuisiner des repas équilibrés avec des produits simples et un petit budget.",
    body: `<p>Des lentilles, des carottes, un oignon, un peu de cumin : avec moins de 5 € d’ingrédients, huit personnes vont déjeuner. Autour du plan de travail du centre social, parents et enfants épluchent, coupent et goûtent. L’atelier cuisine vient de commencer.</p>
<h2>Des ateliers pratiques</h2>
<p>Chaque séance dure deux heures et se termine par un repas pris ensemble. Une diététicienne et une cuisinière donnent des astuces faciles à reproduire à la maison :</p>
<ul>
<li>composer une assiette équilibrée avec des légumes, des féculents et des protéines ;</li>
<li>cuisiner les légumes secs, bon marché et rassasiants ;</li>
<li>lire les étiquettes et repérer le sucre et le sel cachés ;</li>
<li>préparer des goûters maison pour remplacer les biscuits industriels.</li>
</ul>
<h2>Les enfants aux fourneaux</h2>
<p>Les enfants participent à toutes les étapes. Quand ils ont préparé un plat, ils acceptent plus volontiers d’y goûter, même s’il contient des légumes qu’ils boudent d’habitude.</p>
<blockquote><p>« Ma fille refusait les légumes verts. Depuis qu’elle a fait elle-même une soupe de courgettes, elle m’en réclame », raconte Nadia H., habitante du Faubourg de Béthune.</p></blockquote>
<h2>Prévenir plutôt que guérir</h2>
<p>Une alimentation déséquilibrée favorise le surpoids, le diabète et les maladies du cœur. Ces ateliers font partie d’une action de prévention menée avec les centres sociaux des deux quartiers.</p>
<p>Les ateliers ont lieu le mercredi matin au Faubourg de Béthune et le samedi matin à Wazemmes. Ils sont gratuits, sur inscription auprès de votre centre social.</p>`,
    themes: ["sante", "education"],
    neighbourhoods: ["faubourg-de-bethune", "wazemmes"],
    daysAgo: 287,
    illustration: {
      motif: "market",
      variant: 4,
      alt: "Illustration : un plan de travail avec une planche à découper, des légumes et une marmite",
      caption: "Chaque atelier se termine par un repas pris ensemble.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "mediatrices-sante-secteur-ouest",
    title: "Secteur Ouest : des médiatrices santé pour vous aider à vous soigner",
    standfirst:
      "Deux médiatrices santé vont à la rencontre des habitants du quartier prioritaire Secteur Ouest. Elles vous aident à trouver un médecin, à ouvrir vos droits et à comprendre le parcours de soins, dans plusieurs langues.",
    body: `<p>Certains habitants renoncent à se soigner. Ils ne savent pas à quel médecin s’adresser, craignent de ne pas pouvoir payer ou se perdent dans les démarches. Pour les accompagner, deux médiatrices santé travaillent désormais dans le Secteur Ouest.</p>
<h2>Leur rôle</h2>
<p>Les médiatrices font le lien entre les habitants et les professionnels de santé. Elles ne soignent pas, mais elles vous aident à :</p>
<ul>
<li>ouvrir vos droits à l’Assurance maladie et à la complémentaire santé solidaire ;</li>
<li>trouver un médecin traitant, un dentiste ou un ophtalmologiste ;</li>
<li>préparer un rendez-vous et comprendre une ordonnance ;</li>
<li>participer aux dépistages et aux vaccinations.</li>
</ul>
<h2>Là où vous êtes</h2>
<p>Les médiatrices ne restent pas dans un bureau. Elles tiennent des permanences au centre social et à la pharmacie du quartier, passent dans les halls d’immeuble et sur le marché. Elles parlent français, arabe et anglais, et peuvent faire appel à un interprète pour d’autres langues.</p>
<blockquote><p>« Une dame n’avait pas vu de dentiste depuis dix ans : elle pensait que c’était trop cher. Avec la complémentaire santé solidaire, ses soins sont pris en charge. Elle a pris rendez-vous la semaine suivante », raconte Salima K., médiatrice santé.</p></blockquote>
<h2>Les contacter</h2>
<p>Les médiatrices reçoivent sans rendez-vous le lundi et le jeudi après-midi au centre social. Vous pouvez aussi leur écrire à <a href="mailto:mediation-sante@portail.example">mediation-sante@portail.example</a>. Leur action s’inscrit dans l’accès aux soins, l’un des domaines d’action de la Ville dans les quartiers prioritaires.</p>`,
    themes: ["sante", "solidarite"],
    neighbourhoods: ["qpv-secteur-ouest"],
    daysAgo: 515,
    illustration: {
      motif: "health",
      variant: 6,
      alt: "Illustration : la façade d’un centre social avec une croix de pharmacie et des bulles de dialogue",
      caption: "Les médiatrices tiennent des permanences au centre social et à la pharmacie.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "cent-arbres-plantes-moulins",
    title: "Cent arbres plantés avec les habitants à Moulins",
    standfirst:
      "Samedi, une centaine d’habitants ont planté cent arbres dans les rues et les squares de Moulins. Érables, tilleuls, arbres fruitiers : les essences ont été choisies pour résister à la chaleur et nourrir les oiseaux.",
    body: `<p>Bêches à la main, bottes aux pieds, une centaine d’habitants de Moulins ont répondu présent samedi matin. Petits et grands ont planté cent arbres en une journée, dans trois squares et le long de deux rues du quartier.</p>
<h2>Pourquoi planter ?</h2>
<p>Les arbres rendent de nombreux services en ville :</p>
<ul>
<li>ils apportent de l’ombre et rafraîchissent les rues pendant les vagues de chaleur ;</li>
<li>ils absorbent une partie de la pollution et de l’eau de pluie ;</li>
<li>ils accueillent les oiseaux et les insectes ;</li>
<li>ils rendent les rues plus agréables à vivre.</li>
</ul>
<h2>Des essences bien choisies</h2>
<p>Les jardiniers de la Ville ont retenu des arbres adaptés à un climat qui se réchauffe : érables champêtres, tilleuls, charmes, mais aussi des pommiers et des poiriers dans les squares. Dans quelques années, leurs fruits seront en libre cueillette.</p>
<blockquote><p>« J’ai planté ce tilleul avec ma petite-fille. Dans vingt ans, elle pourra s’asseoir à son ombre et se souvenir de ce samedi », confie Jean-Marc P., 67 ans.</p></blockquote>
<h2>Adopter un arbre</h2>
<p>Les jeunes arbres ont besoin d’eau pendant leurs trois premiers étés. Les habitants qui le souhaitent peuvent « adopter » un arbre près de chez eux et l’arroser en cas de sécheresse. Une plaque indique le nom de l’essence et le numéro à appeler en cas de problème.</p>
<p>Pour adopter un arbre ou proposer un lieu de plantation, écrivez à <a href="mailto:nature-en-ville@portail.example">nature-en-ville@portail.example</a>.</p>`,
    themes: ["cadre-de-vie", "citoyennete"],
    neighbourhoods: ["lille-moulins"],
    daysAgo: 65,
    illustration: {
      motif: "park",
      variant: 0,
      alt: "Illustration : de jeunes arbres tuteurés le long d’un trottoir, avec une bêche et un arrosoir au pied",
      caption: "Cent arbres ont été plantés en une journée.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "jardins-partages-lomme",
    title: "Lomme : des parcelles disponibles dans les jardins partagés",
    standfirst:
      "Envie de cultiver vos légumes sans avoir de jardin ? Les jardins partagés de Lomme ouvrent une douzaine de nouvelles parcelles. Outils, eau et conseils sont fournis ; une partie de la récolte est donnée à l’épicerie solidaire.",
    body: `<p>Entre deux rangées de maisons, un ancien terrain en friche est devenu un jardin de 2 000 m². Tomates, haricots, fraises, fleurs : une trentaine de familles de Lomme y cultivent déjà leur parcelle. Une douzaine de nouvelles parcelles viennent d’être aménagées.</p>
<h2>Comment ça marche ?</h2>
<ul>
<li>Chaque parcelle fait environ 20 m².</li>
<li>La cotisation est de 15 € par an, outils et eau compris.</li>
<li>Les jardiniers s’engagent à cultiver sans pesticides ni engrais chimiques.</li>
<li>Ils participent à l’entretien des espaces communs une demi-journée par mois.</li>
</ul>
<h2>Un jardin ouvert</h2>
<p>Une partie du jardin est cultivée en commun, et sa récolte est donnée à l’épicerie solidaire de la commune. Le jardin accueille aussi les classes des écoles voisines et organise une fête des récoltes chaque automne.</p>
<p>Le jardin récupère l’eau de pluie dans de grandes cuves et fabrique son propre compost avec les déchets verts et les épluchures apportées par les voisins. Ce qui peut être fait sur place n’est pas acheté.</p>
<blockquote><p>« J’habite au quatrième étage. Ici, j’ai retrouvé le plaisir de mettre les mains dans la terre, et j’ai rencontré des voisins de toutes les origines », raconte Farid M., jardinier depuis trois ans.</p></blockquote>
<h2>Pas besoin d’être expert</h2>
<p>Les débutants sont les bienvenus. Des jardiniers expérimentés les accompagnent pendant leur première saison, et un atelier de jardinage au naturel a lieu chaque mois.</p>
<p>Les parcelles sont attribuées en priorité aux habitants qui n’ont pas de jardin. Pour vous inscrire, écrivez à <a href="mailto:jardins@portail.example">jardins@portail.example</a> ou passez à la mairie de Lomme.</p>`,
    themes: ["cadre-de-vie", "solidarite"],
    neighbourhoods: ["lomme"],
    daysAgo: 380,
    illustration: {
      motif: "park",
      variant: 5,
      alt: "Illustration : des carrés de potager avec des tuteurs de tomates, une cabane à outils et un récupérateur d’eau",
      caption: "Une douzaine de nouvelles parcelles sont disponibles.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "bois-blancs-renouvellement-urbain-seconde-phase",
    title: "Bois-Blancs : ce que change l’entrée du quartier dans le renouvellement urbain",
    standfirst:
      "Bois-Blancs fait partie des sites retenus dans la seconde phase du nouveau programme de renouvellement urbain de la Métropole, approuvée le 18 décembre 2020. Les habitants sont invités à un atelier pour en parler.",
    body: `<p>Le quartier de Bois-Blancs fait partie des sites du nouveau programme de renouvellement urbain, ou NPRU, porté par la Métropole Européenne de Lille. Il a été retenu dans la seconde phase du programme, que le conseil de la Métropole a approuvée le 18 décembre 2020.</p>
<h2>Un projet d’intérêt régional</h2>
<p>Dans sa stratégie de renouvellement urbain, la Métropole distingue deux catégories de projets. Les projets d’intérêt national concernent les quartiers aux difficultés les plus fortes et reçoivent les financements nationaux les plus importants. Les projets d’intérêt régional, comme Bois-Blancs, portent sur des transformations plus ciblées.</p>
<h2>Qu’est-ce qui peut changer ?</h2>
<p>Un projet de renouvellement urbain peut toucher plusieurs aspects de la vie du quartier :</p>
<ul>
<li>la rénovation ou la reconstruction de logements ;</li>
<li>l’aménagement des rues, des places et des berges ;</li>
<li>la création ou la modernisation d’équipements publics ;</li>
<li>l’installation de commerces et d’activités.</li>
</ul>
<p>Le contenu précis du projet se construit par étapes, avec les bailleurs, la Ville et les habitants.</p>
<h2>Venez donner votre avis</h2>
<p>Un atelier ouvert à tous a lieu jeudi à 18 h 30 à la mairie de quartier. Les équipes du projet y présenteront les grandes étapes et recueilleront vos questions et vos idées. Un accueil est prévu pour les enfants.</p>
<blockquote><p>« On habite ici depuis trente ans. On veut bien que ça change, mais on veut être dans la boucle », résume Christiane L., membre du conseil de quartier.</p></blockquote>
<p>Pour une présentation de l’ensemble des sites lillois, consultez la page <a href="/solidarite/politique-de-la-ville/renouvellement-urbain">Renouvellement urbain</a>.</p>`,
    themes: ["cadre-de-vie", "politique-de-la-ville"],
    neighbourhoods: ["bois-blancs"],
    daysAgo: 610,
    illustration: {
      motif: "construction",
      variant: 7,
      alt: "Illustration : des immeubles au bord d’un canal, avec une grue au loin et une péniche amarrée",
      caption: "Un atelier ouvert à tous présente les grandes étapes du projet.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "rues-scolaires-abords-des-ecoles",
    title: "Rues scolaires : la circulation coupée devant quatre écoles aux heures d’entrée",
    standfirst:
      "À Saint-Maurice Pellevoisin et à Vauban-Esquermes, quatre rues devant des écoles sont désormais fermées aux voitures aux heures d’entrée et de sortie des classes. Objectif : des abords d’école plus sûrs et moins pollués.",
    body: `<p>Le matin, devant les écoles, les voitures se garent en double file, les enfants se faufilent entre les pare-chocs et l’air sent le pot d’échappement. Pour changer cela, la Ville teste les rues scolaires devant quatre écoles.</p>
<h2>Comment ça marche ?</h2>
<p>Une barrière ferme la rue aux voitures pendant une demi-heure, aux heures d’entrée et de sortie des classes. Pendant ce temps, seuls les piétons, les vélos et les trottinettes peuvent y circuler. Les riverains, les véhicules de secours et les personnes à mobilité réduite gardent l’accès.</p>
<ul>
<li>deux rues à Saint-Maurice Pellevoisin ;</li>
<li>deux rues à Vauban-Esquermes ;</li>
<li>de 8 h 15 à 8 h 45 et de 16 h 15 à 16 h 45, les jours d’école.</li>
</ul>
<h2>Un test de six mois</h2>
<p>Le dispositif est testé pendant six mois. Des parents volontaires et des agents de la Ville ferment et ouvrent les barrières. Un questionnaire sera ensuite proposé aux familles et aux riverains, avant toute décision définitive.</p>
<blockquote><p>« Avant, je tenais mon fils par la main jusqu’au portail. Maintenant, il vient à vélo avec ses copains, et je les regarde arriver tranquillement », raconte Julie R., maman d’un élève de CE2.</p></blockquote>
<h2>Venir autrement</h2>
<p>Des arceaux à vélos ont été installés devant les écoles concernées. Des animations sur la sécurité routière et des ateliers de réparation de vélos sont aussi prévus dans les classes.</p>`,
    themes: ["cadre-de-vie", "education"],
    neighbourhoods: ["saint-maurice-pellevoisin", "vauban-esquermes"],
    daysAgo: 20,
    illustration: {
      motif: "bicycle",
      variant: 1,
      alt: "Illustration : une rue fermée par une barrière devant une école, avec des vélos d’enfants garés le long de la grille",
      caption: "La rue est fermée aux voitures une demi-heure, matin et soir.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "renouvellement-urbain-quatre-sites-lillois",
    title: "Renouvellement urbain : le point sur les quatre sites lillois",
    standfirst:
      "Concorde, Lille-Sud, les quartiers anciens et Bois-Blancs : quatre sites lillois font partie du programme de renouvellement urbain de la Métropole, qui prévoit près de 2 milliards d’euros d’investissements. Voici les décisions prises.",
    body: `<p>Le nouveau programme de renouvellement urbain de la Métropole Européenne de Lille transforme des quartiers prioritaires dans plusieurs communes. Lille y compte quatre sites. Voici, dans l’ordre, les principales décisions.</p>
<h2>Décembre 2019 : la première phase</h2>
<p>Le 12 décembre 2019, le conseil de la Métropole approuve la première phase du programme. Elle comprend huit sites, dont deux à Lille :</p>
<ul>
<li><strong>Concorde</strong>, dans le Faubourg de Béthune, dont l’aménagement est confié le même jour à la SPL Euralille ;</li>
<li><strong>Lille-Sud</strong>, qui fait ensuite l’objet d’une concertation préalable, du 21 juin au 30 septembre 2021.</li>
</ul>
<p>Selon la Métropole, sa participation à cette première phase s’élève à 215 millions d’euros.</p>
<h2>Décembre 2020 : la seconde phase</h2>
<p>Le 18 décembre 2020, la Métropole approuve la seconde phase. Deux autres sites lillois y figurent : les <strong>quartiers anciens</strong> et <strong>Bois-Blancs</strong>. Le programme compte alors 13 sites selon la Métropole, pour près de 2 milliards d’euros d’investissements, dont 348 millions d’euros apportés par la Métropole.</p>
<h2>Des chiffres à suivre</h2>
<p>Ces montants sont ceux qu’ont annoncés les communiqués et la presse au moment des votes. Ils peuvent évoluer avec les conventions signées avec l’Agence nationale pour la rénovation urbaine et les autres partenaires.</p>
<p>Derrière ces montants, il y a des projets qui prennent des années : études, relogement des locataires concernés, travaux par tranches. Les habitants sont associés à chaque étape, lors de réunions publiques et d’ateliers organisés dans les quartiers.</p>
<p>Vous avez une question sur un projet près de chez vous ? Écrivez à <a href="mailto:renouvellement-urbain@portail.example">renouvellement-urbain@portail.example</a> ou consultez la page <a href="/solidarite/politique-de-la-ville/renouvellement-urbain">Renouvellement urbain</a>.</p>`,
    themes: ["cadre-de-vie", "politique-de-la-ville"],
    neighbourhoods: ["lille-sud", "faubourg-de-bethune", "bois-blancs"],
    daysAgo: 168,
    illustration: {
      motif: "construction",
      variant: 9,
      alt: "Illustration : un plan de quartier déplié sur une table, avec un casque de chantier et une grue en arrière-plan",
      caption: "Quatre sites lillois font partie du programme métropolitain.",
      credit: "Illustration Portail",
    },
    pinned: ["concorde-renouvellement-urbain-mode-d-emploi", "bois-blancs-renouvellement-urbain-seconde-phase"],
  },
  {
    slug: "conseil-citoyen-secteur-sud-recrute",
    title: "Le conseil citoyen du Secteur Sud cherche de nouveaux membres",
    standfirst:
      "Vous habitez le quartier prioritaire Secteur Sud, à Lille, Faches-Thumesnil, Lezennes ou Loos ? Son conseil citoyen renouvelle une partie de ses membres. Pas besoin d’expérience : votre connaissance du quartier suffit.",
    body: `<p>Le conseil citoyen du Secteur Sud renouvelle une partie de ses membres. Habitants, associations, commerçants : si vous voulez faire entendre la voix du quartier, c’est le moment de vous porter candidat.</p>
<h2>À quoi sert un conseil citoyen ?</h2>
<p>Chaque quartier prioritaire a son conseil citoyen, créé par la loi de 2014 de programmation pour la ville et la cohésion urbaine. Il donne son avis sur le contrat de ville et sur les projets qui concernent le quartier. Ses membres participent aussi aux instances de pilotage, aux côtés des élus et des services de l’État.</p>
<h2>Qui peut en faire partie ?</h2>
<ul>
<li><strong>les habitants</strong> du quartier, tirés au sort parmi les volontaires ;</li>
<li><strong>les associations et les acteurs locaux</strong> : commerçants, professions libérales, collectifs.</li>
</ul>
<p>Le Secteur Sud s’étend sur Lille, Faches-Thumesnil, Lezennes et Loos : les habitants des quatre communes peuvent se présenter.</p>
<h2>Quel engagement ?</h2>
<p>Le conseil se réunit une fois par mois, en soirée. Chaque membre peut aussi rejoindre un groupe de travail selon ses envies : emploi, jeunesse, cadre de vie. Une formation est proposée aux nouveaux membres.</p>
<blockquote><p>« Je pensais que mon avis ne compterait pas. Mais c’est grâce au conseil citoyen qu’un passage piéton a été ajouté devant l’école de mes enfants », témoigne Souad M., membre depuis trois ans.</p></blockquote>
<p>Pour vous porter candidat, remplissez le formulaire disponible à la mairie de quartier ou écrivez à <a href="mailto:conseils-citoyens@portail.example">conseils-citoyens@portail.example</a> avant la fin du mois.</p>`,
    themes: ["citoyennete", "politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-sud"],
    daysAgo: 47,
    illustration: {
      motif: "meeting",
      variant: 5,
      alt: "Illustration : des chaises disposées en cercle dans une salle, avec une urne posée sur une petite table",
      caption: "Les habitants membres du conseil sont tirés au sort parmi les volontaires.",
      credit: "Illustration Portail",
    },
    pinned: ["engagements-quartiers-2030-ce-qui-change"],
  },
  {
    slug: "conseil-citoyen-nouveau-mons-bilan",
    title: "Conseil citoyen : les habitants de trois communes travaillent ensemble",
    standfirst:
      "Le quartier prioritaire Nouveau Mons - Les Sarts- Dombrowski s’étend sur Lille, Mons-en-Barœul et Villeneuve-d’Ascq. Son conseil citoyen a présenté le bilan de son année et ses priorités lors d’une réunion publique.",
    body: `<p>Mardi soir, la salle était pleine. Le conseil citoyen du quartier Nouveau Mons - Les Sarts- Dombrowski présentait en réunion publique le bilan de son année et les sujets sur lesquels il veut peser.</p>
<h2>Un quartier, trois communes</h2>
<p>Ce quartier prioritaire a une particularité : il s’étend sur trois communes, Lille, Mons-en-Barœul et Villeneuve-d’Ascq. Son conseil citoyen rassemble donc des habitants qui dépendent de trois mairies différentes. « Les habitants, eux, ne voient pas la limite communale. Ils fréquentent les mêmes commerces et les mêmes écoles », rappelle Thierry B., l’un des membres.</p>
<h2>Ce qui a été fait cette année</h2>
<ul>
<li>une enquête auprès des familles sur l’accueil des enfants avant et après l’école ;</li>
<li>un avis remis sur le projet de renouvellement urbain ;</li>
<li>deux réunions avec le réseau de transport sur les horaires des bus ;</li>
<li>une fête des voisins commune aux trois communes.</li>
</ul>
<h2>Les priorités de l’année à venir</h2>
<p>Les membres veulent maintenant travailler sur l’emploi des jeunes et sur la propreté des espaces extérieurs. Deux groupes de travail ont été créés. Ils sont ouverts aux habitants qui ne sont pas membres du conseil.</p>
<blockquote><p>« Après nos réunions sur les bus, le premier passage du matin a été avancé. Pour ceux qui commencent le travail à 6 h, ça change tout », explique Aminata S.</p></blockquote>
<p>Le conseil citoyen se réunit le premier mardi du mois, et ses réunions sont ouvertes au public. Pour le contacter : <a href="mailto:conseils-citoyens@portail.example">conseils-citoyens@portail.example</a>.</p>`,
    themes: ["citoyennete", "politique-de-la-ville"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    daysAgo: 395,
    illustration: {
      motif: "meeting",
      variant: 8,
      alt: "Illustration : une salle comble avec des rangées de chaises face à une table d’intervenants et un micro",
      caption: "Le conseil citoyen réunit des habitants de trois communes.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "budget-participatif-les-projets-retenus",
    title: "Budget participatif : les projets retenus à Vauban-Esquermes et Lille-Centre",
    standfirst:
      "Les habitants ont voté. Un jardin de poche, des bancs le long des rues commerçantes, des boîtes à livres et un terrain de pétanque : voici les projets qui seront réalisés dans les deux quartiers.",
    body: `<p>Le vote du budget participatif est clos. Pendant trois semaines, les habitants de Vauban-Esquermes et de Lille-Centre ont choisi, parmi les idées proposées par leurs voisins, celles qui seront réalisées dans leur quartier.</p>
<h2>Le principe</h2>
<p>Une partie du budget d’investissement de la Ville est réservée aux projets des habitants. Chacun peut proposer une idée, puis tout le monde vote, en ligne ou dans une urne à la mairie de quartier. Avant le vote, les services de la Ville vérifient que les projets sont réalisables et estiment leur coût.</p>
<h2>Les projets retenus</h2>
<h3>À Vauban-Esquermes</h3>
<ul>
<li>un jardin de poche sur une placette aujourd’hui bétonnée ;</li>
<li>un terrain de pétanque avec des bancs et une fontaine à eau ;</li>
<li>des boîtes à livres près des arrêts de bus.</li>
</ul>
<h3>À Lille-Centre</h3>
<ul>
<li>des bancs le long des rues commerçantes, pour les personnes qui ont besoin de faire une pause ;</li>
<li>des arceaux à vélos supplémentaires ;</li>
<li>un coin de verdure et de jeux dans une cour ouverte au public.</li>
</ul>
<blockquote><p>« J’ai proposé les bancs parce que ma mère ne pouvait plus faire ses courses à pied sans s’arrêter. Voir que des centaines de gens ont voté pour, ça fait chaud au cœur », raconte Martine G.</p></blockquote>
<h2>Et maintenant ?</h2>
<p>Les projets seront réalisés dans les deux ans, et leurs porteurs sont associés aux choix d’aménagement. Vous pouvez suivre leur avancement à la mairie de quartier, ou poser vos questions à <a href="mailto:budget-participatif@portail.example">budget-participatif@portail.example</a>.</p>`,
    themes: ["citoyennete", "cadre-de-vie"],
    neighbourhoods: ["vauban-esquermes", "lille-centre"],
    daysAgo: 225,
    illustration: {
      motif: "park",
      variant: 9,
      alt: "Illustration : une placette avec des bancs neufs, une boîte à livres et de jeunes arbres en bac",
      caption: "Six projets proposés par des habitants seront réalisés.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "marche-exploratoire-secteur-nord-est",
    title: "Secteur Nord Est : le conseil citoyen organise une marche exploratoire",
    standfirst:
      "Éclairage, trottoirs, propreté, sentiment de sécurité : samedi, le conseil citoyen du Secteur Nord Est invite les habitants à parcourir le quartier avec les services de la Ville pour repérer ce qui doit être amélioré.",
    body: `<p>Une marche exploratoire, c’est une promenade avec un carnet et un appareil photo. Samedi à 10 h, le conseil citoyen du Secteur Nord Est vous invite à parcourir le quartier avec des agents de la Ville, du bailleur social et de la police municipale.</p>
<h2>Pourquoi marcher ensemble ?</h2>
<p>Les habitants connaissent leur quartier mieux que personne. Ils savent quel passage est mal éclairé, quel trottoir est trop étroit pour une poussette, quel recoin fait peur le soir. En marchant ensemble, ils montrent ces problèmes sur place aux personnes chargées de les régler.</p>
<h2>Ce qui sera observé</h2>
<ul>
<li>l’éclairage des rues et des passages ;</li>
<li>l’état des trottoirs et l’accès pour les fauteuils et les poussettes ;</li>
<li>la propreté et les dépôts sauvages ;</li>
<li>les lieux où l’on se sent mal à l’aise, le jour ou la nuit.</li>
</ul>
<p>Les femmes vivent parfois l’espace public différemment. Un groupe réservé aux habitantes partira donc en parallèle.</p>
<blockquote><p>« Lors de la dernière marche, on a signalé un passage sous un immeuble sans aucune lumière. Trois semaines plus tard, des lampes étaient posées », se souvient Leïla B., membre du conseil citoyen.</p></blockquote>
<h2>Et après ?</h2>
<p>Les remarques sont rassemblées dans un rapport remis à la Ville et au bailleur. Le conseil citoyen présente ensuite en réunion publique les réponses obtenues et le calendrier des travaux. Rendez-vous samedi à 10 h devant le centre social. Pour en savoir plus : <a href="mailto:conseils-citoyens@portail.example">conseils-citoyens@portail.example</a>.</p>`,
    themes: ["citoyennete", "cadre-de-vie"],
    neighbourhoods: ["qpv-secteur-nord-est"],
    daysAgo: 660,
    illustration: {
      motif: "buildings",
      variant: 6,
      alt: "Illustration : un passage entre deux immeubles avec des lampadaires, un carnet et un crayon au premier plan",
      caption: "Les habitants repèrent sur place ce qui doit être amélioré.",
      credit: "Illustration Portail",
    },
  },
  {
    slug: "semaine-contre-les-discriminations",
    title: "Une semaine pour parler des discriminations, au collège et dans le quartier",
    standfirst:
      "Théâtre-forum, exposition, permanence juridique : pendant une semaine, des associations et des collèges invitent les jeunes et les habitants à parler des discriminations et à connaître leurs droits pour y faire face.",
    body: `<p>Être refusé pour un logement à cause de son nom, ne pas être rappelé après un entretien à cause de son adresse, être moqué pour sa couleur de peau ou son handicap : les discriminations sont interdites par la loi, mais elles restent fréquentes. Pendant une semaine, des associations du Secteur Nord et du centre-ville proposent d’en parler.</p>
<h2>Au programme</h2>
<ul>
<li><strong>du théâtre-forum</strong> dans deux collèges : les élèves rejouent une scène de discrimination et cherchent comment réagir ;</li>
<li><strong>une exposition</strong> de portraits et de témoignages d’habitants, à la mairie de quartier ;</li>
<li><strong>une permanence juridique</strong> gratuite pour savoir comment faire valoir vos droits ;</li>
<li><strong>un débat public</strong> le jeudi soir, ouvert à tous.</li>
</ul>
<h2>Savoir réagir</h2>
<p>Beaucoup de victimes ne portent pas plainte. Elles pensent que cela ne servira à rien, ou ne savent pas vers qui se tourner. Pourtant, des recours existent : vous pouvez saisir gratuitement le Défenseur des droits, ou porter plainte auprès de la police, de la gendarmerie ou du procureur de la République.</p>
<blockquote><p>« En jouant la scène, j’ai compris que je n’étais pas obligé de me taire. On peut dire non, on peut témoigner, on peut aider celui qui est visé », explique Rayan, élève de quatrième.</p></blockquote>
<h2>L’adresse, un critère reconnu</h2>
<p>Depuis 2014, la loi reconnaît la discrimination liée au lieu de résidence. Refuser un emploi ou un service à quelqu’un parce qu’il habite un quartier prioritaire est donc interdit. Pour en savoir plus sur l’action de la Ville dans ces quartiers, lisez <a href="/solidarite/politique-de-la-ville">Notre action pour les quartiers prioritaires</a>.</p>`,
    themes: ["citoyennete", "education"],
    neighbourhoods: ["qpv-secteur-nord", "lille-centre"],
    daysAgo: 720,
    illustration: {
      motif: "culture",
      variant: 3,
      alt: "Illustration : une scène de théâtre aux rideaux ouverts, avec des bulles de dialogue au-dessus de deux chaises",
      caption: "Le théâtre-forum invite les élèves à rejouer une scène et à chercher comment réagir.",
      credit: "Illustration Portail",
    },
  },
];
