// French labels and formats for the Politique de la Ville pages.
export const STATUS_LABELS: Record<string, string> = {
  planned: "À venir",
  in_progress: "En cours",
  delayed: "Retardée",
  completed: "Terminée",
  cancelled: "Abandonnée",
};

export const FUNDER_LABELS: Record<string, string> = {
  etat: "État",
  ville: "Ville",
  metropole: "Métropole",
  region: "Région",
  departement: "Département",
  caf: "CAF",
  europe: "Union européenne",
  bailleur: "Bailleurs sociaux",
  autre: "Autres",
};

export const ORGANISATION_KINDS: Record<string, string> = {
  association: "Association",
  service: "Service public",
  conseil_citoyen: "Conseil citoyen",
  bailleur: "Bailleur social",
  entreprise: "Entreprise",
  etablissement: "Établissement",
  autre: "Autre",
};

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

/** "1 234 567 €" (French separators; amounts arrive as numeric strings from SQL). */
export function formatEuros(amount: number | string): string {
  return euros.format(typeof amount === "string" ? Number(amount) : amount).replace(/\u202f/g, "\u00a0");
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/**
 * "6 actions, dont 2 abandonnées": every count of actions on the site, with the abandoned ones
 * apart (counting-rule.ts). The same words everywhere, so that figures can be compared.
 */
export function actionCount(total: number, cancelled: number): string {
  return `${integer(total)} action${total > 1 ? "s" : ""}${cancelledPart(total, cancelled)}`;
}

/** ", dont 2 abandonnées" (or nothing): the part of actionCount after the number of actions. */
export function cancelledPart(total: number, cancelled: number): string {
  if (cancelled === 0) return "";
  if (cancelled === total) return total > 1 ? ", toutes abandonnées" : ", abandonnée";
  return `, dont ${integer(cancelled)} abandonnée${cancelled > 1 ? "s" : ""}`;
}

/** "1 234" with a no-break space, like formatEuros. */
function integer(n: number): string {
  return n.toLocaleString("fr-FR").replace(/\u202f/g, "\u00a0");
}

/** The counting rule in plain French, shown next to the figures it governs. */
export const COUNTING_RULE_NOTE =
  "Les actions abandonnées restent listées et sont comptées à part : leurs financements ne sont inclus dans aucun montant, ni leur avancement dans aucun pourcentage.";
