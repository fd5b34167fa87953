// Demo residents' ideas (participation module), loaded inside the seed's transaction after the
// Politique de la Ville data. All are assisted entries recorded by a fictional centre social, so
// the demo needs no resident account; one was retained and became a demo action, one was not.
import type { DB } from "../src/core/db/create-db.js";
import { slugify } from "../src/lib/text.js";

const MEDIATOR = "Centre social de démonstration";

interface DemoIdea {
  title: string;
  description: string;
  neighbourhood: string;
  priority: string | null;
  resident: string;
  status: "received" | "under_study" | "accepted" | "rejected";
  answer?: string;
  action?: string;
  supporters: string[];
  daysAgo: number;
}

const ideas: DemoIdea[] = [
  {
    title: "Des bancs à l’ombre sur le chemin du marché",
    description:
      "Le trajet entre l’arrêt de bus et le marché est long pour les personnes âgées et il n’y a aucun banc.\n\nQuelques bancs à l’ombre des arbres permettraient de faire une pause. (Idée de démonstration.)",
    neighbourhood: "wazemmes",
    priority: "tranquillite-cadre-de-vie",
    resident: "Georgette L.",
    status: "under_study",
    answer: "Le service de l’espace public étudie trois emplacements avec le conseil de quartier.",
    supporters: ["Ahmed B.", "Colette D.", "Jules M."],
    daysAgo: 40,
  },
  {
    title: "Une réunion publique sur les travaux de renouvellement",
    description:
      "Beaucoup d’habitants ne savent pas quand les travaux commenceront ni où ils seront relogés.\n\nUne réunion publique, avec des traductions, permettrait de poser les questions. (Idée de démonstration.)",
    neighbourhood: "lille-sud",
    priority: "participation-des-habitants",
    resident: "Samira K.",
    status: "accepted",
    answer: "Votre idée rejoint la concertation sur le renouvellement urbain de Lille-Sud : des réunions publiques sont prévues.",
    action: "concertation-renouvellement-lille-sud",
    supporters: ["Karim T.", "Nadia R.", "Paul V.", "Inès H."],
    daysAgo: 120,
  },
  {
    title: "Un atelier de réparation de vélos pour les jeunes",
    description:
      "Les enfants ont souvent un vélo cassé qu’ils ne savent pas réparer.\n\nUn atelier le mercredi après-midi, avec des bénévoles, leur apprendrait à le faire. (Idée de démonstration.)",
    neighbourhood: "fives",
    priority: "transition-ecologique",
    resident: "Yanis O.",
    status: "received",
    supporters: ["Lucie P."],
    daysAgo: 6,
  },
  {
    title: "Un terrain de football synthétique",
    description: "Le terrain en herbe est boueux tout l’hiver. Un terrain synthétique permettrait de jouer toute l’année. (Idée de démonstration.)",
    neighbourhood: "bois-blancs",
    priority: null,
    resident: "Moussa D.",
    status: "rejected",
    answer: "Le terrain est en zone inondable : un revêtement synthétique n’y est pas autorisé. Le drainage du terrain en herbe sera refait.",
    supporters: [],
    daysAgo: 200,
  },
];

export async function seedIdeas(trx: DB, lookups: { neighbourhoodIds: Map<string, number> }, now = new Date()): Promise<number> {
  for (const idea of ideas) {
    const neighbourhoodId = lookups.neighbourhoodIds.get(idea.neighbourhood);
    if (neighbourhoodId === undefined) throw new Error(`Demo idea: unknown neighbourhood ${idea.neighbourhood}`);
    // A priority slug may exist in both contracts: the newest contract's.
    const priority = idea.priority
      ? await trx
          .selectFrom("priorities as p")
          .innerJoin("contracts as c", "c.id", "p.contract_id")
          .select("p.id")
          .where("p.slug", "=", idea.priority)
          .orderBy("c.period_start", "desc")
          .executeTakeFirst()
      : undefined;
    if (idea.priority && !priority) throw new Error(`Demo idea: unknown priority ${idea.priority}`);
    const action = idea.action ? await trx.selectFrom("actions").select("id").where("slug", "=", idea.action).executeTakeFirst() : undefined;
    if (idea.action && !action) throw new Error(`Demo idea: unknown action ${idea.action}`);
    const createdAt = new Date(now.getTime() - idea.daysAgo * 86_400_000);
    const answeredAt = idea.status === "received" ? null : new Date(createdAt.getTime() + 14 * 86_400_000);
    const row = await trx
      .insertInto("proposals")
      .values({
        slug: slugify(idea.title, 70),
        title: idea.title,
        description: idea.description,
        neighbourhood_id: neighbourhoodId,
        priority_id: priority?.id ?? null,
        author_id: null,
        organisation_id: null,
        assisted_by: null,
        assisted_by_name: MEDIATOR,
        resident_name: idea.resident,
        consent_at: createdAt,
        media_id: null,
        status: idea.status,
        answer: idea.answer ?? "",
        action_id: action?.id ?? null,
        answered_at: answeredAt,
        moderation: "visible",
        created_at: createdAt,
        updated_at: answeredAt ?? createdAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (idea.supporters.length > 0)
      await trx
        .insertInto("proposal_supports")
        .values(idea.supporters.map((name) => ({ proposal_id: row.id, resident_name: name, created_at: createdAt })))
        .execute();
  }
  return ideas.length;
}
