// Demo dataset of the Politique de la Ville module: organisations, the two contracts
// (2015-2023 and Engagements Quartiers 2030) with their priorities and objectives,
// actions with funding lines and milestones.
//
// EVERYTHING HERE IS AN EXAMPLE. Organisations are generic, invented actors; actions,
// amounts and milestones are invented and flagged is_example by the seed. Only these
// facts are real, restated from shared/data (see shared/data/SOURCES.md):
// - the three pillars of the 2015 contrats de ville and what they cover;
// - the 2024 quartiers prioritaires touching Lille (décret n° 2023-1314 du 28 décembre 2023);
// - the renewal sites (NPRU) of the Métropole: Lille-Sud and Concorde approved on
//   12 December 2019 (phase 1), Bois-Blancs on 18 December 2020 (phase 2), and the
//   2021 preliminary consultation in Lille-Sud (npru-mel-sites.json).
// Actions of the 2015 contract are tagged with quartiers only: the 2015 QPV list is not in
// the demo neighbourhoods. A 2024 action is tagged with a quartier and a QPV together only
// where the demo content already does so (Lille-Sud and Secteur Sud).

import type { DemoAction, DemoContract, DemoIndicator, DemoOrganisation } from "./policy-types.js";

const DEMO = "Fiche de démonstration : cet acteur est fictif.";

export const organisations: DemoOrganisation[] = [
  {
    slug: "service-politique-de-la-ville",
    name: "Service Politique de la Ville (Ville)",
    kind: "service",
    description: `Le service municipal qui pilote le contrat de ville, suit les actions et accompagne les associations des quartiers prioritaires. ${DEMO}`,
  },
  {
    slug: "service-education-ville",
    name: "Service Éducation (Ville)",
    kind: "service",
    description: `Il gère les écoles publiques, le périscolaire et les actions éducatives de la Ville. ${DEMO}`,
  },
  {
    slug: "service-nature-en-ville",
    name: "Service Nature en ville (Ville)",
    kind: "service",
    description: `Il entretient les parcs et les squares, plante les arbres et accompagne les jardins partagés. ${DEMO}`,
  },
  {
    slug: "service-espace-public",
    name: "Service Espace public et éclairage (Ville)",
    kind: "service",
    description: `Il aménage les rues, les trottoirs, les places et l’éclairage public. ${DEMO}`,
  },
  {
    slug: "reseau-mediatheques",
    name: "Réseau des médiathèques (Ville)",
    kind: "service",
    description: `Les médiathèques de la ville et leurs actions hors les murs : lecture au pied des immeubles, ateliers, prêt de livres. ${DEMO}`,
  },
  {
    slug: "direction-renouvellement-urbain-metropole",
    name: "Direction du renouvellement urbain (Métropole)",
    kind: "service",
    description: `Elle conduit les projets de renouvellement urbain de la Métropole avec les communes, l’État et les bailleurs. ${DEMO}`,
  },
  {
    slug: "mission-locale",
    name: "Mission locale",
    kind: "association",
    description: `Elle accompagne les jeunes de 16 à 25 ans vers l’emploi et la formation : conseils, ateliers, aides à la mobilité. ${DEMO}`,
  },
  {
    slug: "service-public-emploi",
    name: "Agence locale du service public de l’emploi",
    kind: "etablissement",
    description: `Elle inscrit les demandeurs d’emploi, diffuse les offres et finance des formations. ${DEMO}`,
  },
  {
    slug: "centre-social-lille-sud",
    name: "Centre social de Lille-Sud",
    kind: "association",
    description: `Un lieu ouvert à tous les habitants du quartier : accueil des familles, activités pour les enfants, ateliers et permanences. ${DEMO}`,
  },
  {
    slug: "centre-social-fives",
    name: "Centre social de Fives",
    kind: "association",
    description: `Il propose des activités pour tous les âges, un accompagnement des familles et des projets montés avec les habitants. ${DEMO}`,
  },
  {
    slug: "maison-de-quartier-bois-blancs",
    name: "Maison de quartier des Bois-Blancs",
    kind: "association",
    description: `Lieu de rencontre du quartier : accueil de loisirs, activités culturelles, soutien aux initiatives des habitants. ${DEMO}`,
  },
  {
    slug: "association-quartiers-solidaires",
    name: "Association Quartiers solidaires",
    kind: "association",
    description: `Une association d’habitants et de bénévoles : aide aux devoirs, médiation, fêtes de quartier et lutte contre les discriminations. ${DEMO}`,
  },
  {
    slug: "epicerie-solidaire-lille-sud",
    name: "Épicerie solidaire de Lille-Sud",
    kind: "association",
    description: `Elle vend des produits à petit prix aux familles orientées par les travailleurs sociaux et propose des ateliers cuisine. ${DEMO}`,
  },
  {
    slug: "conseil-citoyen-secteur-sud",
    name: "Conseil citoyen de Secteur Sud",
    kind: "conseil_citoyen",
    description: `Des habitants, des associations et des commerçants du quartier prioritaire Secteur Sud donnent leur avis sur le contrat de ville et les projets. ${DEMO}`,
  },
  {
    slug: "conseil-citoyen-secteur-nord-est",
    name: "Conseil citoyen de Secteur Nord Est",
    kind: "conseil_citoyen",
    description: `Des habitants et des acteurs locaux du quartier prioritaire Secteur Nord Est suivent les projets et font remonter les besoins. ${DEMO}`,
  },
  {
    slug: "conseil-citoyen-nouveau-mons",
    name: "Conseil citoyen de Nouveau Mons - Les Sarts - Dombrowski",
    kind: "conseil_citoyen",
    description: `Il réunit des habitants de Lille, de Mons-en-Barœul et de Villeneuve-d’Ascq, les trois communes du quartier prioritaire. ${DEMO}`,
  },
  {
    slug: "bailleur-social-exemple",
    name: "Bailleur social (exemple)",
    kind: "bailleur",
    description: `Un organisme de logement social qui possède et gère des résidences dans plusieurs quartiers. ${DEMO}`,
  },
  {
    slug: "office-public-habitat-exemple",
    name: "Office public de l’habitat (exemple)",
    kind: "bailleur",
    description: `Un office public qui loue des logements sociaux et rénove son parc. ${DEMO}`,
  },
  {
    slug: "regie-de-quartier",
    name: "Régie de quartier (exemple)",
    kind: "association",
    description: `Elle emploie des habitants pour entretenir le quartier et mène des actions de proximité : économies d’énergie, réemploi, petits travaux. ${DEMO}`,
  },
  {
    slug: "chantier-insertion-nature-et-quartiers",
    name: "Chantier d’insertion Nature et quartiers",
    kind: "association",
    description: `Il salarie et forme des personnes éloignées de l’emploi, sur des travaux d’espaces verts. ${DEMO}`,
  },
  {
    slug: "reussite-educative-ville",
    name: "Dispositif de réussite éducative (Ville)",
    kind: "service",
    description: `Une équipe de professionnels qui construit un parcours sur mesure pour des enfants en difficulté, avec leur famille. ${DEMO}`,
  },
  {
    slug: "maison-de-sante-lille-sud",
    name: "Maison de santé pluriprofessionnelle de Lille-Sud",
    kind: "etablissement",
    description: `Médecins, infirmières et autres soignants y travaillent ensemble et accueillent de nouveaux patients. ${DEMO}`,
  },
  {
    slug: "association-mediation-sante",
    name: "Association Médiation santé des quartiers",
    kind: "association",
    description: `Ses médiatrices aident les habitants à trouver un médecin, à ouvrir leurs droits et à suivre la prévention. ${DEMO}`,
  },
  {
    slug: "caf-antenne-locale",
    name: "Caisse d’allocations familiales (antenne locale)",
    kind: "etablissement",
    description: `Elle verse les prestations familiales et sociales et soutient les crèches, les centres sociaux et les actions pour les familles. ${DEMO}`,
  },
  {
    slug: "association-creation-entreprise",
    name: "Association d’aide à la création d’entreprise (exemple)",
    kind: "association",
    description: `Elle conseille gratuitement les habitants qui veulent créer leur activité, du projet aux premiers mois. ${DEMO}`,
  },
];

const PILLAR_ECO = "developpement-economique-emploi";
const PILLAR_SOCIAL = "cohesion-sociale";
const PILLAR_CADRE = "cadre-de-vie-renouvellement-urbain";

const CV2015 = "contrat-de-ville-2015-2023";
const EQ2030 = "engagements-quartiers-2030";

export const contracts: DemoContract[] = [
  {
    slug: CV2015,
    name: "Contrat de ville 2015-2023",
    generation: "2015",
    periodStart: 2015,
    periodEnd: 2023,
    territory: "Lille, Hellemmes et Lomme",
    description:
      "Le contrat de ville de la génération 2015. Il était prévu jusqu’en 2020, puis il a été prolongé jusqu’à fin 2023. Comme partout en France, il reposait sur trois piliers fixés au niveau national : l’emploi et l’activité économique, la cohésion sociale, le cadre de vie et le renouvellement urbain.",
    progressRule: "budget",
    priorities: [
      {
        slug: PILLAR_ECO,
        title: "Développement de l’activité économique et de l’emploi",
        description:
          "Lever ce qui freine l’accès à l’emploi, développer la formation et aider les jeunes à s’insérer, notamment avec la mission locale. Ce pilier soutient aussi la création d’entreprise, le commerce de proximité et l’artisanat dans les quartiers prioritaires, par exemple grâce aux zones franches urbaines.",
        objectives: [
          "Lever les freins à l’emploi et développer la formation",
          "Accompagner l’insertion des jeunes",
          "Soutenir la création d’entreprise, le commerce de proximité et l’artisanat",
        ],
      },
      {
        slug: PILLAR_SOCIAL,
        title: "Cohésion sociale",
        description:
          "Soutenir les équipements sociaux, culturels et sportifs et les associations qui créent du lien. Ce pilier porte aussi la réussite éducative, la citoyenneté, la lutte contre les discriminations, l’accès aux soins, la prévention de la délinquance et l’accompagnement des personnes fragiles.",
        objectives: [
          "Soutenir les équipements et les associations qui font vivre le lien social",
          "Favoriser la réussite éducative des enfants et des jeunes",
          "Promouvoir la citoyenneté et lutter contre les discriminations",
          "Faciliter l’accès aux soins et accompagner les personnes fragiles",
        ],
      },
      {
        slug: PILLAR_CADRE,
        title: "Cadre de vie et renouvellement urbain",
        description:
          "Construire et rénover des logements, aménager les rues et les places, créer des équipements et installer de nouvelles activités dans les quartiers prioritaires. Les habitants sont associés à ces transformations, du projet au chantier.",
        objectives: [
          "Construire et rénover des logements",
          "Aménager les espaces publics et préparer le renouvellement urbain",
          "Associer les habitants aux transformations de leur quartier",
        ],
      },
    ],
  },
  {
    slug: EQ2030,
    name: "Engagements Quartiers 2030",
    generation: "2024",
    periodStart: 2024,
    periodEnd: 2030,
    territory:
      "Les cinq quartiers prioritaires qui touchent Lille : Secteur Ouest, Secteur Sud, Secteur Nord Est, Secteur Nord et Nouveau Mons - Les Sarts- Dombrowski",
    description:
      "Le contrat de ville de nouvelle génération, pour 2024-2030. Il ne reprend pas les trois piliers fixes de 2015 : les priorités sont choisies localement, avec les habitants, les conseils citoyens et les partenaires. Il couvre les quartiers prioritaires de la liste en vigueur depuis le 1er janvier 2024.",
    progressRule: "budget",
    priorities: [
      {
        slug: "emploi-insertion-jeunes",
        title: "Emploi et insertion des jeunes",
        description:
          "Aider les jeunes et les habitants éloignés de l’emploi à trouver un travail ou une formation, et faire vivre l’activité économique dans les quartiers.",
        objectives: [
          "Accompagner les jeunes vers un premier emploi ou une formation",
          "Proposer des parcours d’insertion aux habitants éloignés de l’emploi",
          "Lever les freins à l’emploi : mobilité, garde d’enfants, maîtrise du français",
          "Soutenir la création d’activité et le commerce de proximité",
        ],
        continues: PILLAR_ECO,
      },
      {
        slug: "reussite-educative",
        title: "Réussite éducative",
        description: "Donner à chaque enfant les mêmes chances de réussir, de la petite enfance au collège, en travaillant avec les familles et les écoles.",
        objectives: [
          "Accompagner les enfants en difficulté et leurs familles",
          "Renforcer l’aide aux devoirs et le goût de la lecture",
          "Ouvrir les enfants et les jeunes au sport et à la culture",
        ],
        continues: PILLAR_SOCIAL,
      },
      {
        slug: "tranquillite-cadre-de-vie",
        title: "Tranquillité et cadre de vie",
        description:
          "Mener à bien le renouvellement urbain et rendre les rues plus sûres, plus propres et plus agréables, avec une présence humaine de proximité.",
        objectives: [
          "Mener à bien le renouvellement urbain",
          "Améliorer la propreté, l’éclairage et les espaces publics",
          "Renforcer la présence humaine et la médiation",
        ],
        continues: PILLAR_CADRE,
      },
      {
        slug: "sante-acces-aux-droits",
        title: "Santé et accès aux droits",
        description:
          "Faciliter l’accès aux soins et à la prévention, aider chacun à obtenir les droits auxquels il a droit et lutter contre la précarité alimentaire.",
        objectives: [
          "Faciliter l’accès aux soins et à la prévention",
          "Accompagner les démarches et l’accès aux droits",
          "Lutter contre la précarité alimentaire",
        ],
        continues: PILLAR_SOCIAL,
      },
      {
        slug: "participation-des-habitants",
        title: "Participation des habitants",
        description: "Donner aux habitants les moyens de peser sur les décisions qui concernent leur quartier et de porter leurs propres projets.",
        objectives: ["Faire vivre les conseils citoyens", "Soutenir les projets portés par les habitants", "Lutter contre les discriminations"],
      },
      {
        slug: "transition-ecologique",
        title: "Transition écologique",
        description:
          "Faire baisser les factures, rafraîchir les quartiers et développer la réparation, le réemploi et le vélo, au bénéfice des ménages modestes.",
        objectives: [
          "Réduire les factures d’énergie des ménages",
          "Végétaliser les quartiers et créer des îlots de fraîcheur",
          "Développer la réparation, le réemploi et le vélo",
        ],
      },
    ],
  },
];

export const actions: DemoAction[] = [
  // ---------------------------------------------------------------------------
  // Contrat de ville 2015-2023: completed (and one cancelled) actions
  // ---------------------------------------------------------------------------
  {
    slug: "parrainage-emploi-jeunes",
    contract: CV2015,
    priority: PILLAR_ECO,
    objective: 1,
    title: "Parrainage vers l’emploi des jeunes",
    summary: "Exemple : des salariés bénévoles ont parrainé des jeunes de Fives, Moulins et Wazemmes pendant leur recherche d’emploi.",
    description: `<p>Un jeune en recherche d’emploi rencontre un parrain ou une marraine en activité. Ensemble, ils préparent le CV, les entretiens et les premiers contacts avec les employeurs.</p>
<p>La mission locale a formé les binômes et suivi chaque parcours pendant six mois. Les parrains venaient du commerce, de la logistique, du soin et du bâtiment.</p>
<p><strong>Ce que l’action a apporté :</strong> un réseau professionnel pour des jeunes qui n’en avaient pas, et une meilleure connaissance des métiers qui recrutent.</p>`,
    lead: "mission-locale",
    partners: ["service-public-emploi", "centre-social-fives"],
    neighbourhoods: ["fives", "lille-moulins", "wazemmes"],
    status: "completed",
    progress: 100,
    startDate: "2016-09-05",
    endDate: "2019-06-28",
    funding: [
      { funder: "etat", amount: 42000, year: 2017, label: "Crédits politique de la ville" },
      { funder: "ville", amount: 28000, year: 2017 },
      { funder: "region", amount: 18000, year: 2018 },
    ],
    milestones: [
      { date: "2016-10-03", title: "Premiers binômes formés", done: true },
      { date: "2017-12-15", title: "Bilan de la première année", done: true },
      { date: "2019-06-28", title: "Bilan final", done: true },
    ],
  },
  {
    slug: "boutiques-a-l-essai-moulins-wazemmes",
    contract: CV2015,
    priority: PILLAR_ECO,
    objective: 2,
    title: "Boutiques à l’essai à Moulins et Wazemmes",
    summary: "Exemple : des porteurs de projet ont testé leur commerce dans des locaux vides, avec un loyer réduit et un accompagnement.",
    description: `<p>Des rez-de-chaussée commerciaux restaient vides depuis des mois. Le bailleur les a loués à prix réduit à des commerçants qui se lançaient.</p>
<p>Chaque porteur de projet a reçu un accompagnement pendant un an : gestion, vitrine, relation avec les clients. À la fin de la période d’essai, il pouvait signer un bail classique.</p>
<ul>
<li>Commerces testés : épicerie fine, couture, réparation de téléphones, salon de thé.</li>
<li>Critères de choix : projet viable, utile au quartier, porteur motivé.</li>
</ul>`,
    lead: "association-creation-entreprise",
    partners: ["service-politique-de-la-ville", "bailleur-social-exemple"],
    neighbourhoods: ["lille-moulins", "wazemmes"],
    status: "completed",
    progress: 100,
    startDate: "2018-02-01",
    endDate: "2021-06-30",
    funding: [
      { funder: "ville", amount: 35000, year: 2018 },
      { funder: "metropole", amount: 40000, year: 2019 },
      { funder: "europe", amount: 25000, year: 2020, label: "Fonds européen de développement régional" },
    ],
    milestones: [
      { date: "2018-04-10", title: "Appel à candidatures des porteurs de projet", done: true },
      { date: "2018-09-01", title: "Ouverture des deux premières boutiques", done: true },
      { date: "2021-06-30", title: "Bilan de l’opération", done: true },
    ],
  },
  {
    slug: "accompagnement-scolarite-fives-moulins",
    contract: CV2015,
    priority: PILLAR_SOCIAL,
    objective: 1,
    title: "Accompagnement à la scolarité à Fives et Moulins",
    summary: "Exemple : chaque soir après l’école, des bénévoles ont aidé des élèves du primaire et du collège à faire leurs devoirs.",
    description: `<p>Des groupes de huit élèves au plus se retrouvaient quatre soirs par semaine au centre social ou dans un local associatif. Des bénévoles et deux animateurs les aidaient à faire leurs devoirs et à s’organiser.</p>
<p>Les parents étaient invités une fois par trimestre pour faire le point avec l’équipe et, quand ils le souhaitaient, avec l’enseignant.</p>
<p>L’action a duré toute la durée du contrat. Elle continue dans le contrat 2024-2030, au titre de la <em>réussite éducative</em>.</p>`,
    lead: "association-quartiers-solidaires",
    partners: ["centre-social-fives", "service-education-ville"],
    neighbourhoods: ["fives", "lille-moulins"],
    status: "completed",
    progress: 100,
    startDate: "2016-09-01",
    endDate: "2023-07-07",
    funding: [
      { funder: "caf", amount: 24000, year: 2017 },
      { funder: "ville", amount: 18000, year: 2019 },
      { funder: "etat", amount: 20000, year: 2021 },
      { funder: "departement", amount: 12000, year: 2022 },
    ],
    milestones: [
      { date: "2016-09-19", title: "Ouverture des premiers groupes", done: true },
      { date: "2019-06-28", title: "Évaluation à mi-parcours", done: true },
      { date: "2023-07-07", title: "Bilan de fin de contrat", done: true },
    ],
  },
  {
    slug: "atelier-sante-ville-hellemmes-fives",
    contract: CV2015,
    priority: PILLAR_SOCIAL,
    objective: 3,
    title: "Atelier santé ville à Hellemmes et Fives",
    summary: "Exemple : un diagnostic santé mené avec les habitants a débouché sur des dépistages et des ateliers de prévention.",
    description: `<p>Habitants, soignants et associations ont d’abord dressé ensemble la liste des problèmes de santé du quartier : renoncement aux soins, diabète, santé des enfants.</p>
<p>Des actions ont suivi : journées de dépistage, ateliers sur l’alimentation, accompagnement vers un médecin traitant.</p>
<p>La crise sanitaire de 2020 a réduit les activités collectives. L’équipe a maintenu des appels réguliers aux personnes isolées.</p>`,
    lead: "association-mediation-sante",
    partners: ["centre-social-fives"],
    neighbourhoods: ["hellemmes", "fives"],
    status: "completed",
    progress: 100,
    startDate: "2017-03-01",
    endDate: "2020-12-18",
    funding: [
      { funder: "etat", amount: 30000, year: 2017 },
      { funder: "ville", amount: 15000, year: 2018 },
      { funder: "region", amount: 12000, year: 2019 },
    ],
    milestones: [
      { date: "2017-06-30", title: "Diagnostic santé partagé avec les habitants", done: true },
      { date: "2018-10-15", title: "Premières journées de dépistage", done: true },
      { date: "2020-12-18", title: "Bilan final", done: true },
    ],
  },
  {
    slug: "festival-des-quartiers-2020",
    contract: CV2015,
    priority: PILLAR_SOCIAL,
    objective: 0,
    title: "Festival des quartiers 2020",
    summary: "Exemple : une fête itinérante prévue à l’été 2020 dans deux quartiers, annulée à cause de la crise sanitaire.",
    description: `<p>Le festival devait faire étape aux Bois-Blancs et à Saint-Maurice Pellevoisin : concerts, spectacles de rue et grand repas partagé.</p>
<p>Les habitants avaient choisi la programmation en février. Au printemps, les rassemblements ont été interdits. La Ville a annulé l’édition.</p>
<p>Les frais de préparation déjà engagés ont été payés. Plusieurs artistes ont été reprogrammés lors de fêtes de quartier les années suivantes.</p>`,
    lead: "service-politique-de-la-ville",
    partners: ["maison-de-quartier-bois-blancs", "association-quartiers-solidaires"],
    neighbourhoods: ["bois-blancs", "saint-maurice-pellevoisin"],
    status: "cancelled",
    progress: 30,
    startDate: "2020-01-06",
    endDate: "2020-07-11",
    funding: [{ funder: "ville", amount: 12000, year: 2020, label: "Frais de préparation engagés" }],
    milestones: [
      { date: "2020-02-14", title: "Choix de la programmation avec les habitants", done: true },
      { date: "2020-04-15", title: "Décision d’annulation", done: true },
      { date: "2020-07-11", title: "Journée de festival", done: false },
    ],
  },
  {
    slug: "rehabilitation-residence-lille-sud",
    contract: CV2015,
    priority: PILLAR_CADRE,
    objective: 0,
    title: "Réhabilitation thermique d’une résidence à Lille-Sud",
    summary: "Exemple : un bailleur social a isolé et rénové une résidence de logements sociaux, avec les locataires dans les lieux.",
    description: `<p>Les logements étaient mal isolés et les factures de chauffage trop lourdes. Le bailleur a isolé les façades et les toitures, changé les fenêtres et remplacé la chaudière collective.</p>
<p>Les travaux ont eu lieu avec les locataires dans les lieux. Un chargé de relations locataires répondait aux questions chaque semaine.</p>
<p><strong>Résultat attendu :</strong> des logements plus confortables, en hiver comme en été, et des charges en baisse.</p>`,
    lead: "bailleur-social-exemple",
    partners: ["direction-renouvellement-urbain-metropole", "centre-social-lille-sud"],
    neighbourhoods: ["lille-sud"],
    status: "completed",
    progress: 100,
    startDate: "2018-03-01",
    endDate: "2022-06-30",
    funding: [
      { funder: "bailleur", amount: 1650000, year: 2019, label: "Fonds propres et prêts" },
      { funder: "etat", amount: 420000, year: 2019 },
      { funder: "metropole", amount: 310000, year: 2020 },
      { funder: "region", amount: 180000, year: 2021 },
    ],
    milestones: [
      { date: "2018-06-15", title: "Réunion publique avec les locataires", done: true },
      { date: "2019-03-04", title: "Début des travaux", done: true },
      { date: "2021-11-30", title: "Fin des travaux", done: true },
      { date: "2022-06-30", title: "Bilan des consommations de chauffage", done: true },
    ],
  },
  {
    slug: "etudes-renouvellement-concorde",
    contract: CV2015,
    priority: PILLAR_CADRE,
    objective: 1,
    title: "Concorde : préparer le renouvellement urbain",
    summary: "Exemple : les études qui ont préparé le projet de renouvellement urbain du secteur Concorde, au Faubourg de Béthune.",
    description: `<p>Le secteur Concorde fait partie des sites de la première phase du nouveau programme de renouvellement urbain de la Métropole. Le conseil métropolitain l’a approuvé le 12 décembre 2019. Le même jour, il a confié l’aménagement du secteur à un aménageur public, par une concession.</p>
<p>Avant cette décision, des études ont analysé l’état des logements, les déplacements et les besoins en équipements. Les habitants ont été consultés à chaque étape.</p>
<p><em>Les montants de cette fiche sont des exemples.</em></p>`,
    lead: "direction-renouvellement-urbain-metropole",
    partners: ["service-politique-de-la-ville", "bailleur-social-exemple"],
    neighbourhoods: ["faubourg-de-bethune"],
    status: "completed",
    progress: 100,
    startDate: "2017-01-09",
    endDate: "2021-12-17",
    funding: [
      { funder: "metropole", amount: 220000, year: 2018, label: "Études urbaines" },
      { funder: "etat", amount: 150000, year: 2018 },
      { funder: "ville", amount: 60000, year: 2019 },
    ],
    milestones: [
      { date: "2017-06-30", title: "Lancement des études urbaines", done: true },
      { date: "2019-12-12", title: "Site approuvé et concession d’aménagement attribuée par la Métropole", done: true },
      { date: "2021-12-17", title: "Fin de la phase d’études", done: true },
    ],
    articles: ["concorde-renouvellement-urbain-mode-d-emploi"],
  },
  {
    slug: "concertation-renouvellement-lille-sud",
    contract: CV2015,
    priority: PILLAR_CADRE,
    objective: 2,
    title: "Lille-Sud : concertation sur le renouvellement urbain",
    summary: "Exemple : réunions, ateliers et registre ouvert pour recueillir l’avis des habitants sur le projet de renouvellement urbain de Lille-Sud.",
    description: `<p>Lille-Sud fait partie des sites de la première phase du programme de renouvellement urbain de la Métropole, approuvée le 12 décembre 2019. Une concertation préalable s’est tenue du 21 juin au 30 septembre 2021.</p>
<p>Pour que chacun puisse donner son avis, plusieurs formats ont été proposés :</p>
<ul>
<li>des réunions publiques et des ateliers en petits groupes ;</li>
<li>des balades dans le quartier avec les équipes du projet ;</li>
<li>un registre papier et une contribution en ligne.</li>
</ul>
<p>Le bilan de la concertation a été rendu public. Il a servi à ajuster le projet.</p>`,
    lead: "direction-renouvellement-urbain-metropole",
    partners: ["conseil-citoyen-secteur-sud", "centre-social-lille-sud"],
    neighbourhoods: ["lille-sud"],
    status: "completed",
    progress: 100,
    startDate: "2021-03-01",
    endDate: "2022-03-31",
    funding: [
      { funder: "metropole", amount: 45000, year: 2021 },
      { funder: "etat", amount: 25000, year: 2021 },
      { funder: "ville", amount: 15000, year: 2022 },
    ],
    milestones: [
      { date: "2021-06-21", title: "Ouverture de la concertation préalable", done: true },
      { date: "2021-09-30", title: "Clôture de la concertation", done: true },
      { date: "2022-03-31", title: "Publication du bilan de la concertation", done: true },
    ],
    articles: ["renouvellement-urbain-quatre-sites-lillois"],
  },

  // ---------------------------------------------------------------------------
  // Engagements Quartiers 2030 — Emploi et insertion des jeunes
  // ---------------------------------------------------------------------------
  {
    slug: "forum-emploi-secteur-sud",
    contract: EQ2030,
    priority: "emploi-insertion-jeunes",
    objective: 0,
    title: "Forum de l’emploi annuel du Secteur Sud",
    summary: "Exemple : chaque printemps, un forum réunit employeurs et habitants du Secteur Sud, avec une préparation la semaine qui précède.",
    description: `<p>Une fois par an, des employeurs qui recrutent s’installent à Lille-Sud pour une journée. Les habitants viennent avec ou sans CV.</p>
<p>La semaine précédente, la mission locale et le centre social proposent des ateliers : préparer un CV, se présenter en deux minutes, s’habiller pour un entretien.</p>
<p>Après le forum, chaque candidat retenu pour un entretien est suivi par un conseiller.</p>`,
    lead: "mission-locale",
    partners: ["service-public-emploi", "centre-social-lille-sud"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    status: "in_progress",
    progress: 65,
    startDate: "2024-02-01",
    endDate: "2027-06-30",
    funding: [
      { funder: "ville", amount: 18000, year: 2024 },
      { funder: "etat", amount: 22000, year: 2025 },
      { funder: "metropole", amount: 12000, year: 2026 },
    ],
    milestones: [
      { date: "2024-04-18", title: "Premier forum", done: true },
      { date: "2025-04-17", title: "Deuxième forum", done: true },
      { date: "2026-04-16", title: "Troisième forum", done: true },
      { date: "2027-04-15", title: "Quatrième forum", done: false },
    ],
    articles: ["forum-emploi-lille-sud"],
  },
  {
    slug: "chantier-insertion-espaces-verts-nord-est",
    contract: EQ2030,
    priority: "emploi-insertion-jeunes",
    objective: 1,
    title: "Chantier d’insertion espaces verts au Secteur Nord Est",
    summary: "Exemple : douze habitants sont salariés et formés pour entretenir les squares et les pieds d’immeubles du quartier.",
    description: `<p>Les salariés du chantier taillent les haies, plantent et entretiennent les espaces verts du quartier. Ils ont un contrat de travail et un salaire.</p>
<p>Une encadrante technique les forme sur le terrain. Une conseillère les aide à lever les difficultés du quotidien : logement, santé, garde d’enfants.</p>
<p><strong>Objectif :</strong> qu’à la fin du contrat, chaque salarié ait un emploi, une formation qualifiante ou un projet précis.</p>`,
    lead: "chantier-insertion-nature-et-quartiers",
    partners: ["service-nature-en-ville", "office-public-habitat-exemple", "conseil-citoyen-secteur-nord-est"],
    neighbourhoods: ["qpv-secteur-nord-est"],
    status: "in_progress",
    progress: 50,
    startDate: "2025-09-01",
    endDate: "2027-08-31",
    funding: [
      { funder: "etat", amount: 115000, year: 2025, label: "Aide aux postes d’insertion" },
      { funder: "europe", amount: 70000, year: 2026, label: "Fonds social européen" },
      { funder: "departement", amount: 45000, year: 2026 },
      { funder: "bailleur", amount: 30000, year: 2026, label: "Prestations d’entretien" },
    ],
    milestones: [
      { date: "2025-09-01", title: "Embauche des douze salariés", done: true },
      { date: "2026-03-31", title: "Premières formations qualifiantes", done: true },
      { date: "2026-09-30", title: "Bilan à mi-parcours", done: true },
      { date: "2027-08-31", title: "Fin du chantier et bilan des sorties vers l’emploi", done: false },
    ],
    articles: ["chantier-insertion-espaces-verts-secteur-nord-est"],
  },
  {
    slug: "aide-permis-jeunes-bois-blancs-lomme",
    contract: EQ2030,
    priority: "emploi-insertion-jeunes",
    objective: 2,
    title: "Aide au permis de conduire pour les jeunes",
    summary: "Exemple : la mission locale a financé une partie du permis de jeunes de 18 à 25 ans engagés dans un parcours vers l’emploi.",
    description: `<p>Sans permis, beaucoup d’offres d’emploi restent hors de portée : horaires décalés, lieux mal desservis. L’aide prenait en charge une partie du coût du permis.</p>
<p>En échange, chaque jeune s’engageait dans un parcours avec la mission locale : recherche d’emploi, formation ou bénévolat dans le quartier.</p>
<p>L’action est terminée. Son bilan sert à préparer une nouvelle aide à la mobilité.</p>`,
    lead: "mission-locale",
    partners: ["maison-de-quartier-bois-blancs"],
    neighbourhoods: ["bois-blancs", "lomme"],
    status: "completed",
    progress: 100,
    startDate: "2024-01-15",
    endDate: "2025-12-19",
    funding: [
      { funder: "ville", amount: 40000, year: 2024 },
      { funder: "region", amount: 35000, year: 2024 },
      { funder: "ville", amount: 40000, year: 2025 },
    ],
    milestones: [
      { date: "2024-03-01", title: "Premiers jeunes inscrits", done: true },
      { date: "2024-12-13", title: "Bilan de la première année", done: true },
      { date: "2025-12-19", title: "Bilan final", done: true },
    ],
    articles: ["permis-de-conduire-un-coup-de-pouce-pour-les-jeunes"],
  },
  {
    slug: "permanence-creation-entreprise-secteur-ouest",
    contract: EQ2030,
    priority: "emploi-insertion-jeunes",
    objective: 3,
    title: "Permanence création d’entreprise au Secteur Ouest",
    summary: "Exemple : chaque mardi, une conseillère reçoit gratuitement les habitants qui veulent créer leur activité.",
    description: `<p>Beaucoup d’habitants ont une idée d’activité mais ne savent pas par où commencer. La permanence les aide à passer de l’idée au projet.</p>
<ul>
<li>Choisir un statut et faire les démarches.</li>
<li>Construire un budget et chercher un financement.</li>
<li>Trouver un local ou un atelier partagé.</li>
</ul>
<p>La permanence est sans rendez-vous. Un bilan fin 2026 dira si elle continue et sous quelle forme.</p>`,
    lead: "association-creation-entreprise",
    partners: ["service-politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-ouest"],
    status: "in_progress",
    progress: 85,
    startDate: "2024-09-03",
    endDate: "2026-12-22",
    funding: [
      { funder: "ville", amount: 25000, year: 2024 },
      { funder: "etat", amount: 30000, year: 2025 },
      { funder: "metropole", amount: 20000, year: 2026 },
    ],
    milestones: [
      { date: "2024-09-03", title: "Première permanence", done: true },
      { date: "2025-09-30", title: "Bilan de la première année", done: true },
      { date: "2026-12-22", title: "Bilan final et décision de reconduction", done: false },
    ],
    articles: ["creer-son-entreprise-permanence-gratuite"],
  },
  {
    slug: "aide-renovation-vitrines-secteur-nord",
    contract: EQ2030,
    priority: "emploi-insertion-jeunes",
    objective: 3,
    title: "Aide à la rénovation des vitrines au Secteur Nord",
    summary: "Exemple : les commerçants et artisans du Secteur Nord peuvent obtenir une aide pour refaire leur devanture.",
    description: `<p>Une vitrine claire et accueillante attire les clients. Mais refaire une devanture coûte cher pour un petit commerce.</p>
<p>L’aide peut couvrir la moitié des travaux : enseigne, store, éclairage, accès pour les personnes à mobilité réduite. Un conseiller aide à monter le dossier et à choisir les artisans.</p>
<p>Les demandes sont ouvertes jusqu’à fin 2027, dans la limite du budget.</p>`,
    lead: "service-politique-de-la-ville",
    partners: ["association-creation-entreprise"],
    neighbourhoods: ["qpv-secteur-nord"],
    status: "in_progress",
    progress: 40,
    startDate: "2025-03-03",
    endDate: "2027-12-17",
    funding: [
      { funder: "ville", amount: 60000, year: 2025 },
      { funder: "metropole", amount: 50000, year: 2026 },
      { funder: "region", amount: 40000, year: 2027 },
    ],
    milestones: [
      { date: "2025-03-03", title: "Ouverture des demandes", done: true },
      { date: "2025-10-15", title: "Premières vitrines rénovées", done: true },
      { date: "2026-06-30", title: "Bilan d’étape avec les commerçants", done: true },
      { date: "2027-12-17", title: "Bilan final", done: false },
    ],
    articles: ["vitrines-renovees-secteur-nord"],
  },
  {
    slug: "creche-insertion-nouveau-mons",
    contract: EQ2030,
    priority: "emploi-insertion-jeunes",
    objective: 2,
    title: "Des places de crèche pour les parents qui reprennent un emploi",
    summary: "Exemple : des places de crèche réservées aux parents du quartier qui commencent une formation ou un emploi.",
    description: `<p>Sans solution de garde, beaucoup de parents, surtout des mères seules, renoncent à un emploi ou à une formation. Le projet réserve des places de crèche à ces familles.</p>
<p>La famille garde sa place pendant la recherche d’emploi, puis pendant les premiers mois du contrat. Un conseiller emploi suit chaque parent.</p>
<p>Le lieu d’accueil sera choisi en 2027 avec le conseil citoyen.</p>`,
    lead: "service-politique-de-la-ville",
    partners: ["caf-antenne-locale", "service-public-emploi", "conseil-citoyen-nouveau-mons"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    status: "planned",
    progress: 0,
    startDate: "2027-01-04",
    endDate: "2028-12-22",
    funding: [
      { funder: "caf", amount: 85000, year: 2027 },
      { funder: "ville", amount: 40000, year: 2027 },
      { funder: "etat", amount: 30000, year: 2028 },
    ],
    milestones: [
      { date: "2027-03-31", title: "Choix du lieu d’accueil", done: false },
      { date: "2027-09-01", title: "Ouverture des premières places", done: false },
      { date: "2028-12-22", title: "Bilan", done: false },
    ],
  },

  // ---------------------------------------------------------------------------
  // Engagements Quartiers 2030 — Réussite éducative
  // ---------------------------------------------------------------------------
  {
    slug: "programme-reussite-educative-nord-nord-est",
    contract: EQ2030,
    priority: "reussite-educative",
    objective: 0,
    title: "Programme de réussite éducative au Secteur Nord et au Secteur Nord Est",
    summary: "Exemple : une équipe suit des enfants de 2 à 16 ans en difficulté, avec un parcours construit avec leur famille.",
    description: `<p>Un enseignant, une infirmière scolaire ou un éducateur repère un enfant en difficulté. Avec l’accord de la famille, l’équipe de réussite éducative construit un parcours sur mesure.</p>
<ul>
<li>Santé : bilan orthophonique, lunettes, suivi psychologique.</li>
<li>Scolarité : aide aux devoirs, lien avec l’école.</li>
<li>Loisirs : inscription dans un club, sorties culturelles.</li>
</ul>
<p>Le parcours dure en général un an. Il peut être prolongé si la famille le souhaite.</p>`,
    lead: "reussite-educative-ville",
    partners: ["service-education-ville", "caf-antenne-locale", "association-quartiers-solidaires"],
    neighbourhoods: ["qpv-secteur-nord", "qpv-secteur-nord-est"],
    status: "in_progress",
    progress: 35,
    startDate: "2024-09-02",
    endDate: "2030-07-05",
    funding: [
      { funder: "etat", amount: 175000, year: 2024, label: "Programme de réussite éducative" },
      { funder: "etat", amount: 180000, year: 2025, label: "Programme de réussite éducative" },
      { funder: "ville", amount: 65000, year: 2025 },
      { funder: "caf", amount: 30000, year: 2026 },
    ],
    milestones: [
      { date: "2024-11-29", title: "Installation des équipes", done: true },
      { date: "2025-06-30", title: "Cent premiers parcours ouverts", done: true },
      { date: "2027-06-30", title: "Évaluation à mi-parcours", done: false },
      { date: "2030-07-05", title: "Bilan final", done: false },
    ],
    articles: ["reussite-educative-accompagnement-sur-mesure"],
  },
  {
    slug: "aide-aux-devoirs-wazemmes",
    contract: EQ2030,
    priority: "reussite-educative",
    objective: 1,
    title: "Aide aux devoirs à Wazemmes",
    summary: "Exemple : chaque soir après l’école, une association accueille une quarantaine d’enfants pour faire leurs devoirs.",
    description: `<p>Les enfants arrivent après la classe, prennent un goûter puis travaillent en petits groupes avec des bénévoles.</p>
<p>La demande dépasse l’offre : des familles attendent une place. L’association recrute donc de nouveaux bénévoles, étudiants, retraités ou parents.</p>
<p>Une fois par trimestre, l’équipe fait le point avec les parents.</p>`,
    lead: "association-quartiers-solidaires",
    partners: ["service-education-ville"],
    neighbourhoods: ["wazemmes"],
    status: "in_progress",
    progress: 60,
    startDate: "2024-09-09",
    endDate: "2027-07-02",
    funding: [
      { funder: "ville", amount: 15000, year: 2024 },
      { funder: "caf", amount: 12000, year: 2025 },
      { funder: "departement", amount: 8000, year: 2026 },
    ],
    milestones: [
      { date: "2024-09-09", title: "Rentrée des groupes", done: true },
      { date: "2025-06-27", title: "Bilan de la première année", done: true },
      { date: "2026-10-15", title: "Campagne de recrutement de bénévoles", done: true },
      { date: "2027-07-02", title: "Bilan final", done: false },
    ],
    articles: ["aide-aux-devoirs-benevoles-recherches"],
  },
  {
    slug: "bibliotheque-de-rue-lomme",
    contract: EQ2030,
    priority: "reussite-educative",
    objective: 1,
    title: "Bibliothèque de rue à Lomme",
    summary: "Exemple : tous les mercredis, des bibliothécaires ont installé tapis et caisses de livres entre les immeubles.",
    description: `<p>Les enfants qui ne vont pas à la médiathèque ont vu la médiathèque venir à eux. Chaque mercredi après-midi, les bibliothécaires lisaient des histoires et prêtaient des livres au pied des immeubles.</p>
<p>Les parents se sont souvent joints aux séances. Beaucoup de familles se sont ensuite inscrites à la médiathèque.</p>
<p>L’action est terminée dans sa forme de test. Elle fait désormais partie du programme habituel de la médiathèque.</p>`,
    lead: "reseau-mediatheques",
    partners: ["bailleur-social-exemple"],
    neighbourhoods: ["lomme"],
    status: "completed",
    progress: 100,
    startDate: "2024-04-03",
    endDate: "2025-10-29",
    funding: [
      { funder: "ville", amount: 9000, year: 2024 },
      { funder: "etat", amount: 6000, year: 2024 },
      { funder: "caf", amount: 5000, year: 2025 },
    ],
    milestones: [
      { date: "2024-04-03", title: "Première séance au pied des immeubles", done: true },
      { date: "2024-10-30", title: "Bilan de la première saison", done: true },
      { date: "2025-10-29", title: "Bilan final et intégration au programme de la médiathèque", done: true },
    ],
    articles: ["bibliotheque-de-rue-lomme"],
  },
  {
    slug: "stages-natation-hellemmes",
    contract: EQ2030,
    priority: "reussite-educative",
    objective: 2,
    title: "Stages gratuits pour apprendre à nager à Hellemmes",
    summary: "Exemple : pendant les vacances, des stages gratuits apprennent à nager aux élèves de CM1 et de CM2.",
    description: `<p>Trop d’enfants entrent au collège sans savoir nager. Pendant les vacances scolaires, des maîtres-nageurs proposent des stages d’une semaine, en petits groupes.</p>
<p>Les écoles repèrent les élèves qui en ont besoin. L’inscription est gratuite, le transport jusqu’à la piscine est organisé.</p>
<p>À la fin du stage, chaque enfant passe un test d’aisance aquatique.</p>`,
    lead: "service-education-ville",
    partners: [],
    neighbourhoods: ["hellemmes"],
    status: "in_progress",
    progress: 70,
    startDate: "2025-02-17",
    endDate: "2027-04-30",
    funding: [
      { funder: "ville", amount: 20000, year: 2025 },
      { funder: "etat", amount: 10000, year: 2026 },
    ],
    milestones: [
      { date: "2025-02-17", title: "Premier stage, vacances d’hiver", done: true },
      { date: "2025-07-07", title: "Stages d’été 2025", done: true },
      { date: "2026-07-06", title: "Stages d’été 2026", done: true },
      { date: "2027-04-30", title: "Bilan final", done: false },
    ],
    articles: ["apprendre-a-nager-hellemmes"],
  },
  {
    slug: "classe-passerelle-nouveau-mons",
    contract: EQ2030,
    priority: "reussite-educative",
    objective: 0,
    title: "Une classe passerelle pour les tout-petits",
    summary: "Exemple : une classe pour préparer les enfants de 2 à 3 ans et leurs parents à l’entrée à l’école. L’ouverture a pris du retard.",
    description: `<p>La classe passerelle accueille des enfants qui n’ont jamais été gardés hors de chez eux. Les parents restent au début, puis s’éloignent peu à peu. L’enfant découvre l’école à son rythme.</p>
<p><strong>Où en est-on ?</strong> L’école d’accueil est choisie. Mais les travaux du local ont pris du retard : une mise aux normes imprévue a été nécessaire. L’ouverture est reportée.</p>
<p>Le conseil citoyen est tenu informé à chaque étape.</p>`,
    lead: "service-education-ville",
    partners: ["caf-antenne-locale", "conseil-citoyen-nouveau-mons"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    status: "delayed",
    progress: 20,
    startDate: "2025-09-01",
    endDate: "2027-07-02",
    funding: [
      { funder: "ville", amount: 35000, year: 2025 },
      { funder: "caf", amount: 25000, year: 2026 },
      { funder: "etat", amount: 20000, year: 2026 },
    ],
    milestones: [
      { date: "2025-09-01", title: "Choix de l’école d’accueil", done: true },
      { date: "2026-01-30", title: "Fin des travaux du local", done: false },
      { date: "2026-09-01", title: "Accueil des premiers enfants", done: false },
      { date: "2027-07-02", title: "Bilan", done: false },
    ],
  },

  // ---------------------------------------------------------------------------
  // Engagements Quartiers 2030 — Tranquillité et cadre de vie
  // ---------------------------------------------------------------------------
  {
    slug: "renouvellement-urbain-lille-sud-relogement",
    contract: EQ2030,
    priority: "tranquillite-cadre-de-vie",
    objective: 0,
    title: "Renouvellement urbain de Lille-Sud : relogement et nouveaux logements",
    summary:
      "Exemple : relogement des familles, démolition d’immeubles et construction de logements neufs dans le cadre du renouvellement urbain de Lille-Sud.",
    description: `<p>Le Secteur Sud est un quartier d’intérêt national dans la stratégie de renouvellement urbain de la Métropole. Lille-Sud fait partie de la première phase du programme, approuvée le 12 décembre 2019.</p>
<p>Cette fiche suit une partie du projet :</p>
<ul>
<li>le relogement des familles des immeubles à démolir, avec un accompagnement personnalisé ;</li>
<li>les démolitions ;</li>
<li>la construction de logements neufs, sociaux et en accession.</li>
</ul>
<p>Une maison du projet accueille les habitants pour répondre à leurs questions. <em>Les montants de cette fiche sont des exemples.</em></p>`,
    lead: "direction-renouvellement-urbain-metropole",
    partners: ["bailleur-social-exemple", "service-politique-de-la-ville", "conseil-citoyen-secteur-sud"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    status: "in_progress",
    progress: 40,
    startDate: "2024-01-08",
    endDate: "2030-12-20",
    funding: [
      { funder: "bailleur", amount: 2400000, year: 2024, label: "Relogement et démolitions" },
      { funder: "etat", amount: 1900000, year: 2025, label: "Subvention de renouvellement urbain" },
      { funder: "metropole", amount: 1250000, year: 2025 },
      { funder: "ville", amount: 600000, year: 2026 },
    ],
    milestones: [
      { date: "2024-03-15", title: "Ouverture de la maison du projet", done: true },
      { date: "2024-12-20", title: "Premières familles relogées", done: true },
      { date: "2026-05-29", title: "Début des démolitions", done: true },
      { date: "2028-06-30", title: "Livraison des premiers logements neufs", done: false },
      { date: "2030-12-20", title: "Fin de l’opération", done: false },
    ],
    articles: ["renouvellement-urbain-quatre-sites-lillois"],
  },
  {
    slug: "renouvellement-urbain-concorde-espaces-publics",
    contract: EQ2030,
    priority: "tranquillite-cadre-de-vie",
    objective: 0,
    title: "Concorde : démolitions et nouveaux espaces publics",
    summary: "Exemple : au Faubourg de Béthune, le secteur Concorde se transforme, avec des démolitions et de nouveaux espaces publics.",
    description: `<p>Le secteur Concorde fait partie de la première phase du programme de renouvellement urbain de la Métropole. Son aménagement est confié à un aménageur public depuis décembre 2019.</p>
<p>Cette fiche suit la transformation des espaces publics : un mail piéton planté, des rues plus sûres, des places de stationnement réorganisées.</p>
<p>Les habitants ont validé le plan des futurs espaces lors d’ateliers. <em>Les montants de cette fiche sont des exemples.</em></p>`,
    lead: "direction-renouvellement-urbain-metropole",
    partners: ["office-public-habitat-exemple", "service-espace-public"],
    neighbourhoods: ["faubourg-de-bethune"],
    status: "in_progress",
    progress: 30,
    startDate: "2024-03-04",
    endDate: "2030-06-28",
    funding: [
      { funder: "metropole", amount: 1500000, year: 2024 },
      { funder: "etat", amount: 1100000, year: 2025 },
      { funder: "bailleur", amount: 900000, year: 2026 },
    ],
    milestones: [
      { date: "2024-06-28", title: "Validation du plan des futurs espaces publics", done: true },
      { date: "2025-09-15", title: "Démolition du premier immeuble", done: true },
      { date: "2027-03-31", title: "Aménagement du mail piéton", done: false },
      { date: "2030-06-28", title: "Fin des travaux", done: false },
    ],
    articles: ["concorde-renouvellement-urbain-mode-d-emploi"],
  },
  {
    slug: "renouvellement-urbain-bois-blancs-plan-guide",
    contract: EQ2030,
    priority: "tranquillite-cadre-de-vie",
    objective: 0,
    title: "Bois-Blancs : étude et plan-guide du renouvellement urbain",
    summary: "Exemple : l’étude qui doit fixer le futur visage des Bois-Blancs. La remise du plan-guide a pris du retard.",
    description: `<p>Bois-Blancs est un site d’intérêt régional. Il fait partie de la seconde phase du programme de renouvellement urbain de la Métropole, approuvée le 18 décembre 2020.</p>
<p>Une étude urbaine doit aboutir à un plan-guide : quels immeubles rénover, où créer des équipements, comment mieux relier le quartier au reste de la ville.</p>
<p><strong>Pourquoi ce retard ?</strong> Les habitants ont demandé des ateliers supplémentaires sur les berges de la Deûle. Le plan-guide est attendu pour 2027. <em>Les montants de cette fiche sont des exemples.</em></p>`,
    lead: "direction-renouvellement-urbain-metropole",
    partners: ["maison-de-quartier-bois-blancs", "bailleur-social-exemple"],
    neighbourhoods: ["bois-blancs"],
    status: "delayed",
    progress: 25,
    startDate: "2024-06-03",
    endDate: "2027-12-17",
    funding: [
      { funder: "metropole", amount: 180000, year: 2024, label: "Étude urbaine" },
      { funder: "etat", amount: 120000, year: 2025 },
      { funder: "ville", amount: 50000, year: 2025 },
    ],
    milestones: [
      { date: "2024-06-03", title: "Lancement de l’étude urbaine", done: true },
      { date: "2025-03-28", title: "Ateliers avec les habitants", done: true },
      { date: "2026-03-31", title: "Remise du plan-guide", done: false },
      { date: "2027-12-17", title: "Adoption du programme de travaux", done: false },
    ],
    articles: ["bois-blancs-renouvellement-urbain-seconde-phase"],
  },
  {
    slug: "eclairage-trottoirs-secteur-nord-est",
    contract: EQ2030,
    priority: "tranquillite-cadre-de-vie",
    objective: 1,
    title: "Éclairage et trottoirs : les suites de la marche exploratoire",
    summary: "Exemple : la Ville corrige les points noirs repérés par les habitants lors d’une marche exploratoire au Secteur Nord Est.",
    description: `<p>Lors d’une marche exploratoire, le conseil citoyen et des habitants ont repéré les rues mal éclairées, les trottoirs abîmés et les recoins qui font peur.</p>
<p>La Ville a classé ces points par ordre d’urgence. Les travaux avancent rue par rue :</p>
<ul>
<li>nouveaux lampadaires, plus économes ;</li>
<li>trottoirs refaits et abaissés aux passages piétons ;</li>
<li>haies taillées pour dégager la vue.</li>
</ul>
<p>Une seconde marche vérifiera les résultats avec les habitants.</p>`,
    lead: "service-espace-public",
    partners: ["conseil-citoyen-secteur-nord-est", "office-public-habitat-exemple"],
    neighbourhoods: ["qpv-secteur-nord-est"],
    status: "in_progress",
    progress: 30,
    startDate: "2025-11-03",
    endDate: "2027-06-30",
    funding: [
      { funder: "ville", amount: 220000, year: 2026 },
      { funder: "metropole", amount: 180000, year: 2026, label: "Voirie" },
      { funder: "bailleur", amount: 40000, year: 2027 },
    ],
    milestones: [
      { date: "2025-11-03", title: "Remise des constats de la marche exploratoire", done: true },
      { date: "2026-03-31", title: "Programme de travaux présenté au conseil citoyen", done: true },
      { date: "2026-10-30", title: "Nouveaux lampadaires dans trois rues", done: true },
      { date: "2027-06-30", title: "Seconde marche pour vérifier les résultats", done: false },
    ],
    articles: ["marche-exploratoire-secteur-nord-est"],
  },
  {
    slug: "mediation-soiree-secteur-nord",
    contract: EQ2030,
    priority: "tranquillite-cadre-de-vie",
    objective: 2,
    title: "Médiateurs de soirée au Secteur Nord",
    summary: "Exemple : quatre médiateurs circulent dans le quartier en fin de journée pour apaiser les tensions et orienter les habitants.",
    description: `<p>De 16 h à 23 h, les médiateurs sillonnent le quartier. Ils discutent avec les jeunes, règlent les petits conflits de voisinage et signalent ce qui ne va pas : éclairage en panne, dépôts sauvages.</p>
<p>Ils ne remplacent pas la police. Leur rôle est de prévenir, d’écouter et d’orienter vers le bon service.</p>
<p>Un bilan fin 2026 dira si l’action continue.</p>`,
    lead: "association-quartiers-solidaires",
    partners: ["bailleur-social-exemple", "service-politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-nord"],
    status: "in_progress",
    progress: 90,
    startDate: "2024-05-02",
    endDate: "2026-12-31",
    funding: [
      { funder: "etat", amount: 70000, year: 2024, label: "Postes d’adultes-relais" },
      { funder: "ville", amount: 45000, year: 2025 },
      { funder: "bailleur", amount: 30000, year: 2026 },
    ],
    milestones: [
      { date: "2024-05-02", title: "Prise de poste des quatre médiateurs", done: true },
      { date: "2025-05-30", title: "Bilan de la première année", done: true },
      { date: "2026-12-31", title: "Bilan et décision de reconduction", done: false },
    ],
  },
  {
    slug: "city-stade-nouveau-mons",
    contract: EQ2030,
    priority: "tranquillite-cadre-de-vie",
    objective: 1,
    title: "Rénovation du city-stade de Nouveau Mons - Les Sarts - Dombrowski",
    summary: "Exemple : le terrain multisport du quartier a été rénové, après un atelier avec les jeunes qui l’utilisent.",
    description: `<p>Le revêtement était usé et l’éclairage en panne. Avant les travaux, les jeunes ont dit ce qu’ils voulaient : des paniers de basket neufs, des bancs et un éclairage le soir.</p>
<p>Après trois mois de travaux, le terrain a rouvert à la rentrée 2025.</p>`,
    lead: "service-espace-public",
    partners: ["conseil-citoyen-nouveau-mons"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    status: "completed",
    progress: 100,
    startDate: "2025-01-13",
    endDate: "2025-09-26",
    funding: [
      { funder: "ville", amount: 95000, year: 2025 },
      { funder: "etat", amount: 60000, year: 2025 },
      { funder: "departement", amount: 25000, year: 2025 },
    ],
    milestones: [
      { date: "2025-02-08", title: "Atelier avec les jeunes", done: true },
      { date: "2025-06-02", title: "Début des travaux", done: true },
      { date: "2025-09-06", title: "Réouverture du terrain", done: true },
    ],
    articles: ["city-stade-renove-nouveau-mons"],
  },
  {
    slug: "residentialisation-parking-secteur-sud",
    contract: EQ2030,
    priority: "tranquillite-cadre-de-vie",
    objective: 1,
    title: "Fermeture d’un parking de résidence au Secteur Sud",
    summary: "Exemple : un projet de fermeture d’un parking, abandonné après la consultation des habitants.",
    description: `<p>Le bailleur voulait clôturer un parking de résidence, ouvert à tous, pour limiter les voitures ventouses et les dépôts sauvages.</p>
<p>Les habitants consultés ont préféré une autre solution : un meilleur éclairage, un passage piéton conservé et un ramassage plus fréquent des encombrants. Le projet de clôture a été abandonné.</p>
<p>Seules les études ont été payées. Le reste du budget a été réorienté vers l’entretien de la résidence.</p>`,
    lead: "bailleur-social-exemple",
    partners: ["conseil-citoyen-secteur-sud"],
    neighbourhoods: ["qpv-secteur-sud"],
    status: "cancelled",
    progress: 10,
    startDate: "2024-05-06",
    endDate: "2025-06-27",
    funding: [{ funder: "bailleur", amount: 18000, year: 2024, label: "Études et concertation" }],
    milestones: [
      { date: "2024-06-20", title: "Réunion d’information des locataires", done: true },
      { date: "2024-10-15", title: "Consultation des habitants", done: true },
      { date: "2025-03-03", title: "Début des travaux", done: false },
    ],
  },

  // ---------------------------------------------------------------------------
  // Engagements Quartiers 2030 — Santé et accès aux droits
  // ---------------------------------------------------------------------------
  {
    slug: "maison-de-sante-lille-sud",
    contract: EQ2030,
    priority: "sante-acces-aux-droits",
    objective: 0,
    title: "Ouverture d’une maison de santé à Lille-Sud",
    summary: "Exemple : une maison de santé réunit médecins, infirmières et autres soignants, et accepte de nouveaux patients.",
    description: `<p>Dans le quartier, beaucoup d’habitants n’ont pas de médecin traitant. La maison de santé réunit sous un même toit médecins généralistes, infirmières, kinésithérapeute, sage-femme et psychologue.</p>
<p>Les soignants ont écrit ensemble un projet de santé. Il prévoit des consultations sans rendez-vous et des actions de prévention avec les associations du quartier.</p>
<p>Le local, en rez-de-chaussée d’une résidence, a été aménagé avec le bailleur.</p>`,
    lead: "maison-de-sante-lille-sud",
    partners: ["bailleur-social-exemple", "service-politique-de-la-ville"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    status: "completed",
    progress: 100,
    startDate: "2024-01-08",
    endDate: "2025-09-30",
    funding: [
      { funder: "etat", amount: 280000, year: 2024 },
      { funder: "region", amount: 220000, year: 2024 },
      { funder: "ville", amount: 120000, year: 2025 },
      { funder: "bailleur", amount: 90000, year: 2025, label: "Aménagement du local" },
    ],
    milestones: [
      { date: "2024-02-15", title: "Signature du projet de santé", done: true },
      { date: "2024-09-02", title: "Début des travaux du local", done: true },
      { date: "2025-06-02", title: "Ouverture au public", done: true },
      { date: "2025-09-30", title: "Premier bilan", done: true },
    ],
    articles: ["maison-de-sante-ouvre-lille-sud"],
  },
  {
    slug: "mediatrices-sante-secteur-ouest",
    contract: EQ2030,
    priority: "sante-acces-aux-droits",
    objective: 0,
    title: "Médiatrices santé au Secteur Ouest",
    summary: "Exemple : deux médiatrices aident les habitants à trouver un médecin, à ouvrir leurs droits et à comprendre le parcours de soins.",
    description: `<p>Certains habitants renoncent à se soigner. Ils ne savent pas à qui s’adresser ou craignent de ne pas pouvoir payer.</p>
<p>Les médiatrices vont à leur rencontre : au marché, à la sortie des écoles, dans les associations. Elles parlent plusieurs langues.</p>
<ul>
<li>Trouver un médecin traitant.</li>
<li>Ouvrir ses droits à l’assurance maladie et à une complémentaire santé.</li>
<li>Se rendre à un premier rendez-vous, accompagné si besoin.</li>
</ul>`,
    lead: "association-mediation-sante",
    partners: ["caf-antenne-locale"],
    neighbourhoods: ["qpv-secteur-ouest"],
    status: "in_progress",
    progress: 50,
    startDate: "2025-01-06",
    endDate: "2027-12-17",
    funding: [
      { funder: "etat", amount: 60000, year: 2025 },
      { funder: "ville", amount: 30000, year: 2025 },
      { funder: "etat", amount: 60000, year: 2026 },
    ],
    milestones: [
      { date: "2025-01-06", title: "Prise de poste des deux médiatrices", done: true },
      { date: "2025-12-12", title: "Bilan de la première année", done: true },
      { date: "2026-12-11", title: "Bilan de la deuxième année", done: false },
      { date: "2027-12-17", title: "Bilan final", done: false },
    ],
    articles: ["mediatrices-sante-secteur-ouest"],
  },
  {
    slug: "permanence-acces-aux-droits-nouveau-mons",
    contract: EQ2030,
    priority: "sante-acces-aux-droits",
    objective: 1,
    title: "Permanence d’accès aux droits à Nouveau Mons - Les Sarts - Dombrowski",
    summary: "Exemple : chaque jeudi, des conseillers aident les habitants à faire valoir leurs droits : allocations, retraite, santé, logement.",
    description: `<p>Les démarches sont de plus en plus souvent en ligne. Beaucoup d’habitants s’y perdent et renoncent à des aides auxquelles ils ont droit.</p>
<p>La permanence se tient dans le quartier, sans rendez-vous. Un conseiller vérifie la situation, aide à remplir les dossiers et suit les réponses.</p>
<p>Depuis septembre 2026, un créneau le samedi matin accueille les personnes qui travaillent en semaine.</p>`,
    lead: "caf-antenne-locale",
    partners: ["association-quartiers-solidaires", "conseil-citoyen-nouveau-mons"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    status: "in_progress",
    progress: 45,
    startDate: "2024-03-07",
    endDate: "2028-12-21",
    funding: [
      { funder: "caf", amount: 40000, year: 2024 },
      { funder: "ville", amount: 20000, year: 2025 },
      { funder: "etat", amount: 25000, year: 2026 },
    ],
    milestones: [
      { date: "2024-03-07", title: "Première permanence", done: true },
      { date: "2025-03-31", title: "Bilan de la première année", done: true },
      { date: "2026-09-05", title: "Ouverture d’un créneau le samedi matin", done: true },
      { date: "2028-12-21", title: "Bilan final", done: false },
    ],
    articles: ["acces-aux-droits-permanence-nouveau-mons"],
  },
  {
    slug: "extension-epicerie-solidaire-lille-sud",
    contract: EQ2030,
    priority: "sante-acces-aux-droits",
    objective: 2,
    title: "Agrandissement de l’épicerie solidaire de Lille-Sud",
    summary: "Exemple : l’épicerie solidaire s’est installée dans un local deux fois plus grand et ouvre désormais le samedi matin.",
    description: `<p>L’épicerie solidaire vend des produits à petit prix aux familles orientées par les travailleurs sociaux. Son ancien local était trop petit pour les produits frais.</p>
<p>Le nouveau local a une chambre froide et un coin pour les ateliers cuisine. L’ouverture du samedi matin permet d’accueillir les parents qui travaillent.</p>`,
    lead: "epicerie-solidaire-lille-sud",
    partners: ["centre-social-lille-sud", "bailleur-social-exemple"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    status: "completed",
    progress: 100,
    startDate: "2024-10-01",
    endDate: "2025-11-28",
    funding: [
      { funder: "ville", amount: 35000, year: 2024 },
      { funder: "departement", amount: 25000, year: 2025 },
      { funder: "caf", amount: 15000, year: 2025 },
      { funder: "bailleur", amount: 10000, year: 2025, label: "Travaux du local" },
    ],
    milestones: [
      { date: "2024-10-01", title: "Signature du bail du nouveau local", done: true },
      { date: "2025-03-31", title: "Fin des travaux d’aménagement", done: true },
      { date: "2025-04-05", title: "Première ouverture le samedi matin", done: true },
      { date: "2025-11-28", title: "Bilan", done: true },
    ],
    articles: ["epicerie-solidaire-agrandit-ses-rayons"],
  },
  {
    slug: "bus-depistage-secteur-nord",
    contract: EQ2030,
    priority: "sante-acces-aux-droits",
    objective: 0,
    title: "Un bus de dépistage au Secteur Nord",
    summary: "Exemple : en 2027, un bus de prévention fera étape dans le quartier pour des dépistages gratuits et sans rendez-vous.",
    description: `<p>Diabète, tension, vue, audition : des infirmières proposeront des dépistages gratuits pendant une semaine, au cœur du quartier.</p>
<p>Les emplacements et les horaires seront choisis avec les habitants, pour toucher aussi les personnes qui travaillent.</p>
<p>En cas de résultat anormal, une médiatrice santé aidera la personne à obtenir un rendez-vous chez un médecin.</p>`,
    lead: "association-mediation-sante",
    partners: ["service-politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-nord"],
    status: "planned",
    progress: 0,
    startDate: "2027-03-01",
    endDate: "2027-10-29",
    funding: [
      { funder: "etat", amount: 25000, year: 2027 },
      { funder: "ville", amount: 12000, year: 2027 },
    ],
    milestones: [
      { date: "2027-03-26", title: "Choix des emplacements avec les habitants", done: false },
      { date: "2027-05-17", title: "Semaine de dépistage", done: false },
      { date: "2027-10-29", title: "Bilan", done: false },
    ],
    articles: ["depistage-bus-sante-centre-vieux-lille"],
  },

  // ---------------------------------------------------------------------------
  // Engagements Quartiers 2030 — Participation des habitants
  // ---------------------------------------------------------------------------
  {
    slug: "moyens-conseil-citoyen-secteur-sud",
    contract: EQ2030,
    priority: "participation-des-habitants",
    objective: 0,
    title: "Faire vivre le conseil citoyen du Secteur Sud",
    summary: "Exemple : formation des membres, moyens de fonctionnement et renouvellement d’une partie du conseil citoyen du Secteur Sud.",
    description: `<p>Le Secteur Sud s’étend sur Lille, Faches-Thumesnil, Lezennes et Loos. Son conseil citoyen réunit des habitants, des associations et des commerçants des quatre communes.</p>
<p>Cette action lui donne les moyens de travailler :</p>
<ul>
<li>une salle de réunion et un petit budget de fonctionnement ;</li>
<li>des formations pour lire un budget ou un projet urbain ;</li>
<li>un appel à candidatures pour renouveler une partie des membres.</li>
</ul>`,
    lead: "conseil-citoyen-secteur-sud",
    partners: ["service-politique-de-la-ville", "centre-social-lille-sud"],
    neighbourhoods: ["qpv-secteur-sud"],
    status: "in_progress",
    progress: 35,
    startDate: "2024-01-15",
    endDate: "2030-06-28",
    funding: [
      { funder: "ville", amount: 8000, year: 2024 },
      { funder: "etat", amount: 10000, year: 2025 },
      { funder: "ville", amount: 8000, year: 2026 },
    ],
    milestones: [
      { date: "2024-03-30", title: "Première réunion pour le nouveau contrat", done: true },
      { date: "2025-06-14", title: "Formation des membres", done: true },
      { date: "2026-11-07", title: "Appel à candidatures pour renouveler une partie des membres", done: true },
      { date: "2027-01-23", title: "Installation des nouveaux membres", done: false },
    ],
    articles: ["conseil-citoyen-secteur-sud-recrute"],
  },
  {
    slug: "conseil-citoyen-intercommunal-nouveau-mons",
    contract: EQ2030,
    priority: "participation-des-habitants",
    objective: 0,
    title: "Un conseil citoyen pour trois communes",
    summary: "Exemple : le conseil citoyen de Nouveau Mons - Les Sarts - Dombrowski réunit des habitants de Lille, Mons-en-Barœul et Villeneuve-d’Ascq.",
    description: `<p>Le quartier prioritaire s’étend sur trois communes. Ses habitants partagent les mêmes rues, les mêmes écoles et les mêmes commerces. Le conseil citoyen les réunit autour d’une seule table.</p>
<p>Chaque année, il présente un bilan public : avis rendus, projets suivis, questions restées sans réponse.</p>`,
    lead: "conseil-citoyen-nouveau-mons",
    partners: ["service-politique-de-la-ville"],
    neighbourhoods: ["qpv-nouveau-mons-les-sarts-dombrowski"],
    status: "in_progress",
    progress: 40,
    startDate: "2024-02-01",
    endDate: "2030-06-28",
    funding: [
      { funder: "ville", amount: 6000, year: 2024 },
      { funder: "etat", amount: 9000, year: 2025 },
      { funder: "metropole", amount: 5000, year: 2026 },
    ],
    milestones: [
      { date: "2024-04-13", title: "Première réunion commune aux trois villes", done: true },
      { date: "2025-10-11", title: "Présentation du bilan annuel", done: true },
      { date: "2026-10-17", title: "Présentation du deuxième bilan", done: true },
      { date: "2027-10-16", title: "Présentation du troisième bilan", done: false },
    ],
    articles: ["conseil-citoyen-nouveau-mons-bilan"],
  },
  {
    slug: "fonds-initiatives-habitants",
    contract: EQ2030,
    priority: "participation-des-habitants",
    objective: 1,
    title: "Fonds pour les initiatives des habitants",
    summary: "Exemple : un fonds finance de petits projets portés par des habitants des cinq quartiers prioritaires, choisis par des comités d’habitants.",
    description: `<p>Une fête de rue, un atelier de couture, une sortie pour les familles : de petits projets peuvent changer la vie d’un quartier. Le fonds les finance, jusqu’à quelques centaines d’euros par projet.</p>
<p>Pas besoin d’être une association. Un groupe d’au moins trois habitants peut déposer un dossier simple.</p>
<p>Deux fois par an, un comité composé de membres des conseils citoyens choisit les projets.</p>`,
    lead: "service-politique-de-la-ville",
    partners: ["conseil-citoyen-secteur-sud", "conseil-citoyen-secteur-nord-est", "conseil-citoyen-nouveau-mons"],
    neighbourhoods: ["qpv-secteur-ouest", "qpv-secteur-sud", "qpv-secteur-nord-est", "qpv-secteur-nord", "qpv-nouveau-mons-les-sarts-dombrowski"],
    status: "in_progress",
    progress: 40,
    startDate: "2024-04-01",
    endDate: "2030-12-20",
    funding: [
      { funder: "ville", amount: 30000, year: 2024 },
      { funder: "etat", amount: 30000, year: 2024 },
      { funder: "ville", amount: 30000, year: 2025 },
      { funder: "etat", amount: 30000, year: 2026 },
    ],
    milestones: [
      { date: "2024-04-01", title: "Ouverture du fonds", done: true },
      { date: "2024-12-13", title: "Premier bilan des projets soutenus", done: true },
      { date: "2026-04-17", title: "Comité d’attribution de printemps", done: true },
      { date: "2030-12-20", title: "Bilan final", done: false },
    ],
    articles: ["engagements-quartiers-2030-ce-qui-change"],
  },
  {
    slug: "semaine-contre-les-discriminations-2025",
    contract: EQ2030,
    priority: "participation-des-habitants",
    objective: 2,
    title: "Semaine contre les discriminations 2025",
    summary: "Exemple : théâtre-forum, exposition et permanence juridique pendant une semaine, avec des collèges et des associations.",
    description: `<p>Être refusé pour un logement à cause de son nom ou de son adresse : c’est interdit, mais cela arrive. Pendant une semaine, des associations et deux collèges ont invité les jeunes et les habitants à en parler.</p>
<ul>
<li>Théâtre-forum dans les collèges.</li>
<li>Exposition dans le hall de la mairie.</li>
<li>Permanence d’une juriste pour savoir comment agir.</li>
</ul>`,
    lead: "association-quartiers-solidaires",
    partners: ["service-politique-de-la-ville"],
    neighbourhoods: ["qpv-secteur-nord", "lille-centre"],
    status: "completed",
    progress: 100,
    startDate: "2025-01-06",
    endDate: "2025-04-30",
    funding: [
      { funder: "etat", amount: 15000, year: 2025 },
      { funder: "ville", amount: 8000, year: 2025 },
    ],
    milestones: [
      { date: "2025-02-14", title: "Programme construit avec deux collèges", done: true },
      { date: "2025-03-17", title: "Ouverture de la semaine", done: true },
      { date: "2025-04-30", title: "Bilan", done: true },
    ],
    articles: ["semaine-contre-les-discriminations"],
  },
  {
    slug: "application-signalement-secteur-nord-est",
    contract: EQ2030,
    priority: "participation-des-habitants",
    objective: 1,
    title: "Application de signalement pour le Secteur Nord Est",
    summary: "Exemple : une application de quartier pour signaler les problèmes, abandonnée au profit d’outils déjà existants.",
    description: `<p>L’idée : une application propre au quartier pour signaler un lampadaire en panne ou un dépôt sauvage.</p>
<p>Testée avec des habitants, la maquette a fait doublon avec le service de signalement déjà proposé par la Ville. Les habitants ont préféré les marches exploratoires et un numéro unique. Le projet a été arrêté.</p>`,
    lead: "service-politique-de-la-ville",
    partners: ["conseil-citoyen-secteur-nord-est"],
    neighbourhoods: ["qpv-secteur-nord-est"],
    status: "cancelled",
    progress: 15,
    startDate: "2024-06-03",
    endDate: "2025-06-30",
    funding: [{ funder: "ville", amount: 15000, year: 2024, label: "Étude et maquette" }],
    milestones: [
      { date: "2024-09-30", title: "Maquette testée avec des habitants", done: true },
      { date: "2025-01-31", title: "Décision d’arrêt du projet", done: true },
      { date: "2025-06-30", title: "Mise en service", done: false },
    ],
  },

  // ---------------------------------------------------------------------------
  // Engagements Quartiers 2030 — Transition écologique
  // ---------------------------------------------------------------------------
  {
    slug: "ambassadeurs-energie",
    contract: EQ2030,
    priority: "transition-ecologique",
    objective: 0,
    title: "Des ambassadeurs de l’énergie chez les locataires",
    summary: "Exemple : des ambassadeurs rendent visite aux locataires pour les aider à réduire leurs factures d’énergie et d’eau.",
    description: `<p>Les ambassadeurs sont des habitants formés et salariés par la régie de quartier. Ils rendent visite aux locataires qui le souhaitent.</p>
<ul>
<li>Ils lisent les factures avec eux et vérifient les aides possibles.</li>
<li>Ils posent de petits équipements : ampoules économes, mousseurs, joints.</li>
<li>Ils signalent au bailleur les problèmes d’humidité ou de chauffage.</li>
</ul>
<p>Les visites sont gratuites et sans engagement.</p>`,
    lead: "regie-de-quartier",
    partners: ["bailleur-social-exemple", "office-public-habitat-exemple"],
    neighbourhoods: ["qpv-secteur-nord", "qpv-secteur-nord-est", "qpv-secteur-ouest"],
    status: "in_progress",
    progress: 45,
    startDate: "2025-01-13",
    endDate: "2027-12-17",
    funding: [
      { funder: "metropole", amount: 90000, year: 2025 },
      { funder: "bailleur", amount: 60000, year: 2025 },
      { funder: "europe", amount: 75000, year: 2026, label: "Fonds social européen" },
      { funder: "ville", amount: 30000, year: 2026 },
    ],
    milestones: [
      { date: "2025-03-03", title: "Formation des ambassadeurs", done: true },
      { date: "2025-04-07", title: "Premières visites à domicile", done: true },
      { date: "2026-06-30", title: "Bilan à mi-parcours", done: true },
      { date: "2027-12-17", title: "Bilan final", done: false },
    ],
  },
  {
    slug: "cours-d-ecole-oasis-secteur-sud",
    contract: EQ2030,
    priority: "transition-ecologique",
    objective: 1,
    title: "Des cours d’école plus fraîches au Secteur Sud",
    summary: "Exemple : trois cours d’école du Secteur Sud seront débitumées et plantées, avec les élèves et leurs parents.",
    description: `<p>L’été, le bitume des cours d’école devient brûlant. Le projet remplacera une partie du revêtement par de la terre, des arbres et des sols perméables.</p>
<p>Les élèves et leurs parents dessineront leur future cour en atelier. En dehors du temps scolaire, les cours pourront s’ouvrir aux familles du quartier.</p>
<p>Les travaux auront lieu pendant les vacances d’été, une cour par an.</p>`,
    lead: "service-nature-en-ville",
    partners: ["service-education-ville", "conseil-citoyen-secteur-sud"],
    neighbourhoods: ["lille-sud", "qpv-secteur-sud"],
    status: "planned",
    progress: 0,
    startDate: "2027-04-05",
    endDate: "2029-09-28",
    funding: [
      { funder: "etat", amount: 400000, year: 2027 },
      { funder: "metropole", amount: 250000, year: 2028 },
      { funder: "ville", amount: 350000, year: 2028 },
    ],
    milestones: [
      { date: "2027-04-05", title: "Ateliers avec les élèves et les parents", done: false },
      { date: "2027-07-12", title: "Travaux de la première cour", done: false },
      { date: "2029-09-28", title: "Trois cours transformées", done: false },
    ],
  },
  {
    slug: "plantation-arbres-moulins",
    contract: EQ2030,
    priority: "transition-ecologique",
    objective: 1,
    title: "Cent arbres plantés avec les habitants à Moulins",
    summary: "Exemple : les habitants ont choisi les essences et planté eux-mêmes cent arbres dans les rues et les squares de Moulins.",
    description: `<p>Les habitants ont d’abord choisi les essences en atelier : érables, tilleuls, arbres fruitiers. Puis, un samedi, une centaine de volontaires ont planté les arbres avec les jardiniers de la Ville.</p>
<p>Des riverains se sont engagés à arroser les jeunes arbres pendant les premiers étés.</p>`,
    lead: "service-nature-en-ville",
    partners: ["association-quartiers-solidaires"],
    neighbourhoods: ["lille-moulins"],
    status: "completed",
    progress: 100,
    startDate: "2024-10-01",
    endDate: "2025-03-28",
    funding: [
      { funder: "ville", amount: 45000, year: 2024 },
      { funder: "metropole", amount: 20000, year: 2025 },
    ],
    milestones: [
      { date: "2024-11-16", title: "Choix des essences avec les habitants", done: true },
      { date: "2025-01-25", title: "Journée de plantation", done: true },
      { date: "2025-03-28", title: "Bilan", done: true },
    ],
    articles: ["cent-arbres-plantes-moulins"],
  },
  {
    slug: "atelier-velo-solidaire-fives",
    contract: EQ2030,
    priority: "transition-ecologique",
    objective: 2,
    title: "Atelier vélo solidaire à Fives",
    summary: "Exemple : un atelier où les habitants apprennent à réparer leur vélo. L’ouverture du local fixe a pris du retard.",
    description: `<p>Le centre social organise des ateliers mobiles de réparation de vélos, sur les places du quartier. Les habitants apprennent à changer une chambre à air ou à régler leurs freins.</p>
<p><strong>Pourquoi ce retard ?</strong> Le local prévu pour l’atelier fixe doit être mis aux normes. Les ateliers mobiles continuent en attendant.</p>
<p>À terme, l’atelier formera aussi des jeunes du quartier à la mécanique vélo.</p>`,
    lead: "centre-social-fives",
    partners: ["regie-de-quartier"],
    neighbourhoods: ["fives"],
    status: "delayed",
    progress: 30,
    startDate: "2025-04-01",
    endDate: "2027-03-31",
    funding: [
      { funder: "metropole", amount: 40000, year: 2025 },
      { funder: "ville", amount: 20000, year: 2026 },
      { funder: "europe", amount: 30000, year: 2026 },
    ],
    milestones: [
      { date: "2025-06-30", title: "Premiers ateliers mobiles", done: true },
      { date: "2026-01-15", title: "Ouverture de l’atelier fixe", done: false },
      { date: "2026-09-30", title: "Formation de jeunes à la mécanique vélo", done: false },
      { date: "2027-03-31", title: "Bilan", done: false },
    ],
  },
  {
    slug: "ressourcerie-secteur-ouest",
    contract: EQ2030,
    priority: "transition-ecologique",
    objective: 2,
    title: "Une ressourcerie au Secteur Ouest",
    summary: "Exemple : un lieu pour donner, réparer et racheter à petit prix meubles, vêtements et objets, qui créera aussi des emplois.",
    description: `<p>Beaucoup d’objets finissent en dépôt sauvage alors qu’ils pourraient servir encore. La ressourcerie les collectera, les réparera et les revendra à petit prix.</p>
<p>Elle emploiera des habitants en parcours d’insertion. Elle proposera aussi des ateliers de réparation ouverts à tous.</p>
<p>Une étude dira d’abord où l’installer et comment l’équilibrer financièrement.</p>`,
    lead: "regie-de-quartier",
    partners: ["association-quartiers-solidaires", "bailleur-social-exemple"],
    neighbourhoods: ["qpv-secteur-ouest"],
    status: "planned",
    progress: 0,
    startDate: "2027-02-01",
    endDate: "2029-06-29",
    funding: [
      { funder: "metropole", amount: 120000, year: 2027 },
      { funder: "region", amount: 80000, year: 2027 },
      { funder: "europe", amount: 100000, year: 2028 },
    ],
    milestones: [
      { date: "2027-06-30", title: "Étude de faisabilité", done: false },
      { date: "2027-09-30", title: "Choix du local", done: false },
      { date: "2028-09-15", title: "Ouverture de la ressourcerie", done: false },
      { date: "2029-06-29", title: "Bilan", done: false },
    ],
  },
  {
    slug: "jardins-partages-lomme",
    contract: EQ2030,
    priority: "transition-ecologique",
    objective: 1,
    title: "Nouvelles parcelles dans les jardins partagés de Lomme",
    summary: "Exemple : les jardins partagés de Lomme s’agrandissent, avec des parcelles, des outils et de l’eau de pluie pour les habitants.",
    description: `<p>Beaucoup d’habitants n’ont pas de jardin. Les jardins partagés leur proposent une parcelle, des outils et des conseils.</p>
<p>Une douzaine de nouvelles parcelles ont été aménagées. Des récupérateurs d’eau de pluie réduisent l’arrosage à l’eau du robinet.</p>
<p>Les jardiniers s’engagent à cultiver sans pesticides et à participer aux journées collectives.</p>`,
    lead: "service-nature-en-ville",
    partners: ["association-quartiers-solidaires"],
    neighbourhoods: ["lomme"],
    status: "in_progress",
    progress: 75,
    startDate: "2025-03-01",
    endDate: "2027-10-29",
    funding: [
      { funder: "ville", amount: 25000, year: 2025 },
      { funder: "metropole", amount: 15000, year: 2026 },
    ],
    milestones: [
      { date: "2025-04-12", title: "Aménagement des nouvelles parcelles", done: true },
      { date: "2025-05-17", title: "Attribution des parcelles", done: true },
      { date: "2026-06-30", title: "Installation des récupérateurs d’eau", done: true },
      { date: "2027-10-29", title: "Bilan", done: false },
    ],
    articles: ["jardins-partages-lomme"],
  },
];

// No indicator is seeded. Statistics shown as real must come from real data: no per-QPV
// figures (population, poverty rate, unemployment...) were available as data files (see
// shared/data/SOURCES.md, "Not found"). Import the INSEE / ONPV figures with
// `npm run import -- indicators <file>` once you have them.
export const indicators: DemoIndicator[] = [];
