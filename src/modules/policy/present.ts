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
