// The proposals as open data (CSV file and /api/v1/idees, published by the opendata module):
// visible ideas with their quartier, priority, status, the action they became and their support
// count. No personal data: no author, no resident or mediator name, no supporter; only whether
// an idea came from an organisation or an assisted entry.
import type { DB } from "../../../core/db/create-db.js";
import { CSV_BOM, toCsv } from "../../../lib/csv.js";
import { proposalPath } from "./present.js";
import { openDataRows, visibleProposalDates } from "./queries.js";
import { STATUS_LABELS } from "./rules.js";

export interface ProposalRecord {
  id: number;
  titre: string;
  statut: string;
  statut_libelle: string;
  quartier: { slug: string; nom: string; code: string | null };
  priorite: { slug: string; titre: string } | null;
  action: string | null;
  au_nom_d_une_organisation: boolean;
  saisie_assistee: boolean;
  soutiens: number;
  cree_le: string;
  repondu_le: string | null;
  url: string;
}

export async function proposalRecords(db: DB, publicUrl: string): Promise<ProposalRecord[]> {
  const rows = await openDataRows(db);
  return rows.map((r) => ({
    id: r.id,
    titre: r.title,
    statut: r.status,
    statut_libelle: STATUS_LABELS[r.status],
    quartier: { slug: r.neighbourhood_slug, nom: r.neighbourhood_name, code: r.neighbourhood_code },
    priorite: r.priority_slug && r.priority_title ? { slug: r.priority_slug, titre: r.priority_title } : null,
    action: r.action_slug,
    au_nom_d_une_organisation: Boolean(r.by_organisation),
    saisie_assistee: Boolean(r.assisted),
    soutiens: Number(r.supports),
    cree_le: r.created_at.toISOString(),
    repondu_le: r.answered_at ? r.answered_at.toISOString() : null,
    url: new URL(proposalPath(r), `${publicUrl}/`).toString(),
  }));
}

/** GET /api/v1/idees: every visible idea, and how many per status. */
export async function proposalsApi(db: DB, publicUrl: string) {
  const data = await proposalRecords(db, publicUrl);
  const par_statut = { received: 0, under_study: 0, accepted: 0, rejected: 0 };
  for (const p of data) par_statut[p.statut as keyof typeof par_statut]++;
  return { data, total: data.length, par_statut };
}

const COLUMNS = [
  "id",
  "titre",
  "statut",
  "statut_libelle",
  "quartier_slug",
  "quartier_nom",
  "quartier_code",
  "priorite_slug",
  "priorite_titre",
  "action_slug",
  "au_nom_d_une_organisation",
  "saisie_assistee",
  "soutiens",
  "cree_le",
  "repondu_le",
  "url",
] as const;

/** /donnees/idees.csv: the same records, one line each (UTF-8 with BOM, comma, ISO dates). */
export async function proposalsCsv(db: DB, publicUrl: string): Promise<string> {
  const records = await proposalRecords(db, publicUrl);
  return (
    CSV_BOM +
    toCsv(
      COLUMNS,
      records.map((p) => ({
        id: p.id,
        titre: p.titre,
        statut: p.statut,
        statut_libelle: p.statut_libelle,
        quartier_slug: p.quartier.slug,
        quartier_nom: p.quartier.nom,
        quartier_code: p.quartier.code,
        priorite_slug: p.priorite?.slug,
        priorite_titre: p.priorite?.titre,
        action_slug: p.action,
        au_nom_d_une_organisation: p.au_nom_d_une_organisation,
        saisie_assistee: p.saisie_assistee,
        soutiens: p.soutiens,
        cree_le: p.cree_le,
        repondu_le: p.repondu_le,
        url: p.url,
      })),
    )
  );
}

/** The ideas' public pages for sitemap.xml: the list, then each visible idea with its last change. */
export async function proposalPublicUrls(db: DB): Promise<{ path: string; lastmod: Date | null }[]> {
  const rows = await visibleProposalDates(db);
  const newest = rows.reduce<Date | null>((m, r) => (m === null || r.updated_at > m ? r.updated_at : m), null);
  return [{ path: "/participation/idees", lastmod: newest }, ...rows.map((r) => ({ path: proposalPath(r), lastmod: r.updated_at }))];
}
