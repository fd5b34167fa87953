// Import of Politique de la Ville actions from a CSV file, one row per action.
//
// Template (`,` or `;`, UTF-8; every column must be in the header, most may be empty):
//
//   slug,title,contract,priority,objective,summary,status,progress,start_date,end_date,lead,partners,neighbourhoods,funding,milestones
//   soutien-scolaire-fives,Soutien scolaire à Fives,contrat-de-ville-2024-2030,reussite-educative,,Aide aux devoirs.,in_progress,40,2024-09-01,2026-06-30,centre-social-fives,caf-du-nord|ville-de-lille,fives|QN05973M,ville:12000:2025|etat:8000:2025,2024-09-01:Lancement:1|2025-06-30:Bilan:0
//
// slug (required)        identifier of the action; a row replaces the action with this slug
// title, contract, priority (required); contract and priority are slugs that must exist
// objective              title of an existing objective of that priority, or empty
// status                 planned, in_progress, delayed, completed, cancelled or their French labels (empty: planned)
// progress               0 to 100 (empty: 0)
// start_date, end_date   AAAA-MM-JJ or JJ/MM/AAAA, or empty
// lead, partners         organisation slugs (partners separated by "|"); they must exist
// neighbourhoods         "|"-separated slugs or codes of neighbourhoods (QPV codes such as QN05971M)
// funding                "|"-separated funder:amount:year[:label] (funders: etat, ville, metropole, ...)
// milestones             "|"-separated AAAA-MM-JJ:title:0|1 (1 = done)
//
// Re-importing replaces the action's funding lines, milestones, partners and places with the
// file's; an action whose values are all the same is left untouched (updated_at kept).
// Imported actions are real records: is_example is set to false.
import type { DB } from "../../../core/db/create-db.js";
import { listNeighbourhoods } from "../../places/index.js";
import { emptyReport, frenchList, inTransaction, progressTicker, type ImportIssue, type ImportOptions, type ImportReport, type Trx } from "./common.js";
import { readActionRows, type ActionRow, type FundingInput, type MilestoneInput } from "./action-rows.js";
import { actionReferences, actionsBySlug, insertActionChildren, insertImportedAction, updateImportedAction } from "./queries.js";

interface Resolved {
  row: ActionRow;
  priority_id: number;
  objective_id: number | null;
  lead_organisation_id: number | null;
  partnerIds: number[];
  placeIds: number[];
}

export async function importActions(db: DB, csvText: string, options: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport("actions", options);
  const { rows, errors, read } = readActionRows(csvText, options);
  report.read = read;
  report.errors.push(...errors);
  // A file-wide problem (header, quotes): there are no rows to check further.
  if (rows.length === 0 && report.errors.length > 0) return report;

  const now = options.now ?? new Date();
  return inTransaction(db, report, async (trx) => {
    // References are checked inside the transaction, before any write: a contract deleted
    // meanwhile cannot slip through, and an unknown slug still writes nothing.
    // Rows with their own errors are checked too, so that one run lists every problem.
    const resolved = await resolve(trx, rows, report.errors);
    report.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (report.errors.length > 0) return;
    const current = await loadCurrent(
      trx,
      rows.map((r) => r.slug),
    );
    const write = progressTicker(options, "enregistrement", resolved.length);
    for (const [i, r] of resolved.entries()) {
      const target = targetState(r);
      const existing = current.get(r.row.slug);
      if (existing && JSON.stringify(existing.state) === JSON.stringify(target)) {
        report.unchanged++;
      } else {
        // The action row's columns are the target state minus its child collections.
        const { partners: _partners, places: _places, funding: _funding, milestones: _milestones, ...fields } = target;
        let actionId: number;
        if (existing) {
          actionId = existing.id;
          await updateImportedAction(trx, actionId, fields, now);
          report.updated++;
        } else {
          actionId = await insertImportedAction(trx, r.row.slug, fields, now);
          report.created++;
        }
        await insertActionChildren(trx, actionId, { funding: r.row.funding, milestones: r.row.milestones, partnerIds: r.partnerIds, placeIds: r.placeIds });
      }
      write(i + 1);
    }
  });
}

async function resolve(trx: Trx, rows: ActionRow[], errors: ImportIssue[]): Promise<Resolved[]> {
  const [{ contracts, priorities, objectives, organisations }, places] = await Promise.all([actionReferences(trx), listNeighbourhoods(trx)]);
  const contractBySlug = new Map(contracts.map((c) => [c.slug, c.id]));
  const orgBySlug = new Map(organisations.map((o) => [o.slug, o.id]));
  const placeBySlug = new Map(places.map((p) => [p.slug, p.id]));
  const placesByCode = new Map<string, number[]>();
  for (const p of places) if (p.code) placesByCode.set(p.code.toUpperCase(), [...(placesByCode.get(p.code.toUpperCase()) ?? []), p.id]);

  const out: Resolved[] = [];
  for (const row of rows) {
    const fail = (message: string) => errors.push({ line: row.line, message });
    if (!row.contract || !row.priority) continue; // already reported as an empty column
    const contractId = contractBySlug.get(row.contract);
    if (contractId === undefined) {
      fail(`le contrat « ${row.contract} » n’existe pas (contrats existants : ${frenchList(contracts.map((c) => c.slug)) || "aucun"}).`);
      continue;
    }
    const ofContract = priorities.filter((p) => p.contract_id === contractId);
    const priority = ofContract.find((p) => p.slug === row.priority);
    if (!priority) {
      fail(
        `la priorité « ${row.priority} » n’existe pas dans le contrat « ${row.contract} » (priorités : ${frenchList(ofContract.map((p) => p.slug)) || "aucune"}).`,
      );
      continue;
    }
    let objectiveId: number | null = null;
    if (row.objective) {
      const candidates = objectives.filter((o) => o.priority_id === priority.id);
      const objective = candidates.find((o) => o.title.trim().toLowerCase() === row.objective.toLowerCase());
      if (objective) objectiveId = objective.id;
      else
        fail(
          `l’objectif « ${row.objective} » n’existe pas dans la priorité « ${row.priority} » (objectifs : ${frenchList(candidates.map((o) => o.title)) || "aucun"}).`,
        );
    }
    const org = (slug: string, role: string) => {
      const id = orgBySlug.get(slug);
      if (id === undefined) fail(`l’organisation « ${slug} » (${role}) n’existe pas : créez-la d’abord dans l’administration, ou corrigez son identifiant.`);
      return id;
    };
    const lead = row.lead ? org(row.lead, "porteur") : null;
    const partnerIds = row.partners.map((s) => org(s, "partenaire")).filter((id): id is number => id !== undefined);
    const placeIds: number[] = [];
    for (const ref of row.places) {
      const byCode = placesByCode.get(ref.toUpperCase()) ?? [];
      const id = placeBySlug.get(ref) ?? (byCode.length === 1 ? byCode[0] : undefined);
      if (id !== undefined) placeIds.push(id);
      else if (byCode.length > 1) fail(`le code « ${ref} » désigne plusieurs quartiers : utilisez leur identifiant (slug).`);
      else fail(`le quartier ou QPV « ${ref} » n’existe pas (ni identifiant ni code connu).`);
    }
    out.push({
      row,
      priority_id: priority.id,
      objective_id: objectiveId,
      lead_organisation_id: lead ?? null,
      partnerIds: [...new Set(partnerIds)],
      placeIds: [...new Set(placeIds)],
    });
  }
  return out;
}

/** Everything an import sets, in a form where equal means "nothing to write". */
function targetState(r: Resolved) {
  return {
    title: r.row.title,
    priority_id: r.priority_id,
    objective_id: r.objective_id,
    summary: r.row.summary,
    status: r.row.status,
    progress: r.row.progress,
    start_date: r.row.start_date,
    end_date: r.row.end_date,
    lead_organisation_id: r.lead_organisation_id,
    is_example: false,
    partners: [...r.partnerIds].sort((a, b) => a - b),
    places: [...r.placeIds].sort((a, b) => a - b),
    funding: r.row.funding.map((f): FundingInput => ({ funder: f.funder, amount: f.amount, year: f.year, label: f.label })),
    milestones: r.row.milestones.map((m): MilestoneInput => ({ due_date: m.due_date, title: m.title, done: m.done })),
  };
}

async function loadCurrent(trx: Trx, slugs: string[]) {
  const current = new Map<string, { id: number; state: ReturnType<typeof targetState> }>();
  if (slugs.length === 0) return current;
  const { actions, funding, milestones, partners, places } = await actionsBySlug(trx, slugs);
  for (const a of actions) {
    current.set(a.slug, {
      id: a.id,
      state: {
        title: a.title,
        priority_id: a.priority_id,
        objective_id: a.objective_id,
        summary: a.summary,
        status: a.status,
        progress: a.progress,
        start_date: a.start_date,
        end_date: a.end_date,
        lead_organisation_id: a.lead_organisation_id,
        is_example: a.is_example,
        partners: partners
          .filter((p) => p.action_id === a.id)
          .map((p) => p.organisation_id)
          .sort((x, y) => x - y),
        places: places
          .filter((p) => p.action_id === a.id)
          .map((p) => p.neighbourhood_id)
          .sort((x, y) => x - y),
        funding: funding
          .filter((f) => f.action_id === a.id)
          .map((f) => ({ funder: f.funder, amount: Number(f.amount).toFixed(2), year: f.year, label: f.label })),
        milestones: milestones.filter((m) => m.action_id === a.id).map((m) => ({ due_date: m.due_date, title: m.title, done: m.done })),
      },
    });
  }
  return current;
}
