// Shapes of the Politique de la Ville demo dataset (see demo-policy.ts). Plain data:
// the seed turns it into rows. Every action is an EXAMPLE, flagged is_example in the
// database and labelled as such on the site.

export type Funder = "etat" | "ville" | "metropole" | "region" | "departement" | "caf" | "europe" | "bailleur" | "autre";
export type ActionStatus = "planned" | "in_progress" | "completed" | "delayed" | "cancelled";
export type OrganisationKind = "association" | "service" | "conseil_citoyen" | "bailleur" | "entreprise" | "etablissement" | "autre";

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: string;
}

export interface DemoPriority {
  slug: string;
  title: string;
  description: string;
  objectives: string[]; // titles, in order
  /** For a 2024 priority: slug of the 2015 pillar it continues (optional). */
  continues?: string;
}

export interface DemoContract {
  slug: string;
  name: string;
  generation: "2015" | "2024";
  periodStart: number;
  periodEnd: number;
  territory: string;
  description: string;
  progressRule: "budget" | "equal";
  priorities: DemoPriority[];
}

export interface DemoFunding {
  funder: Funder;
  amount: number; // euros
  year: number;
  label?: string;
}

export interface DemoMilestone {
  date: string; // YYYY-MM-DD
  title: string;
  done: boolean;
}

export interface DemoAction {
  slug: string;
  contract: string; // contract slug
  priority: string; // priority slug within that contract
  objective?: number; // index in the priority's objectives
  title: string;
  summary: string; // 1-2 sentences
  description: string; // HTML: p, ul, li, strong, em
  lead: string; // organisation slug
  partners: string[]; // organisation slugs
  neighbourhoods: string[]; // neighbourhood slugs from demo-content.ts (quartiers and qpv-*)
  status: ActionStatus;
  progress: number; // 0..100, coherent with status (completed = 100, planned = 0)
  startDate: string; // YYYY-MM-DD
  endDate: string;
  funding: DemoFunding[];
  milestones: DemoMilestone[];
  articles?: string[]; // slugs of related demo articles (demo-content.ts)
}

export interface DemoIndicator {
  metric: string; // snake_case id, e.g. "taux_pauvrete"
  label: string;
  territoryKind: "qpv" | "quartier" | "commune" | "metropole";
  territoryCode: string; // QPV code, quartier slug, INSEE code, EPCI SIREN
  territoryName: string;
  year: number;
  value: number;
  unit: string; // "%", "habitants"...
  source: string;
}
