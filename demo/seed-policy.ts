// Loads the Politique de la Ville demo data (see demo-policy.ts) inside the seed's
// transaction. Every action is flagged is_example.
import type { DB } from "../src/core/db/create-db.js";
import { sanitizeBody } from "../src/modules/content/index.js";
import { actions, contracts, indicators, organisations } from "./demo-policy.js";

export async function seedPolicy(trx: DB, lookups: { neighbourhoodIds: Map<string, number>; articleIds: Map<string, number> }) {
  const orgIds = new Map<string, number>();
  for (const o of organisations) {
    const row = await trx
      .insertInto("organisations")
      .values({ slug: o.slug, name: o.name, kind: o.kind, description: o.description })
      .returning("id")
      .executeTakeFirstOrThrow();
    orgIds.set(o.slug, row.id);
  }
  const priorityIds = new Map<string, number>();
  const objectiveIds = new Map<string, number[]>();
  for (const [position, c] of contracts.entries()) {
    const contract = await trx
      .insertInto("contracts")
      .values({
        slug: c.slug,
        name: c.name,
        generation: c.generation,
        period_start: c.periodStart,
        period_end: c.periodEnd,
        territory: c.territory,
        description: c.description,
        progress_rule: c.progressRule,
        position,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [pos, p] of c.priorities.entries()) {
      const continues = p.continues
        ? (priorityIds.get(`${contracts.find((x) => x.priorities.some((y) => y.slug === p.continues))?.slug}/${p.continues}`) ?? null)
        : null;
      const priority = await trx
        .insertInto("priorities")
        .values({ contract_id: contract.id, slug: p.slug, title: p.title, description: p.description, position: pos, continues_priority_id: continues })
        .returning("id")
        .executeTakeFirstOrThrow();
      priorityIds.set(`${c.slug}/${p.slug}`, priority.id);
      const ids: number[] = [];
      for (const [i, title] of p.objectives.entries()) {
        const ob = await trx.insertInto("objectives").values({ priority_id: priority.id, title, position: i }).returning("id").executeTakeFirstOrThrow();
        ids.push(ob.id);
      }
      objectiveIds.set(`${c.slug}/${p.slug}`, ids);
    }
  }
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`Demo policy data refers to unknown ${what}`);
    return value;
  };
  for (const a of actions) {
    const key = `${a.contract}/${a.priority}`;
    const row = await trx
      .insertInto("actions")
      .values({
        slug: a.slug,
        priority_id: need(priorityIds.get(key), `priority ${key}`),
        objective_id: a.objective !== undefined ? (objectiveIds.get(key)?.[a.objective] ?? null) : null,
        title: a.title,
        summary: a.summary,
        description: sanitizeBody(a.description),
        lead_organisation_id: need(orgIds.get(a.lead), `organisation ${a.lead}`),
        status: a.status,
        progress: a.progress,
        start_date: a.startDate,
        end_date: a.endDate,
        is_example: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (a.partners.length > 0) {
      await trx
        .insertInto("action_partners")
        .values(a.partners.map((s) => ({ action_id: row.id, organisation_id: need(orgIds.get(s), `organisation ${s}`) })))
        .execute();
    }
    if (a.neighbourhoods.length > 0) {
      await trx
        .insertInto("action_neighbourhoods")
        .values(a.neighbourhoods.map((s) => ({ action_id: row.id, neighbourhood_id: need(lookups.neighbourhoodIds.get(s), `neighbourhood ${s}`) })))
        .execute();
    }
    if (a.funding.length > 0) {
      await trx
        .insertInto("funding_lines")
        .values(a.funding.map((f) => ({ action_id: row.id, funder: f.funder, amount: f.amount, year: f.year, label: f.label ?? "" })))
        .execute();
    }
    if (a.milestones.length > 0) {
      await trx
        .insertInto("milestones")
        .values(a.milestones.map((m, position) => ({ action_id: row.id, due_date: m.date, title: m.title, done: m.done, position })))
        .execute();
    }
    const articleIds = (a.articles ?? []).map((s) => need(lookups.articleIds.get(s), `article ${s}`));
    if (articleIds.length > 0)
      await trx
        .insertInto("action_articles")
        .values(articleIds.map((content_id) => ({ action_id: row.id, content_id })))
        .execute();
  }
  for (const i of indicators) {
    await trx
      .insertInto("indicators")
      .values({
        metric: i.metric,
        label: i.label,
        territory_kind: i.territoryKind,
        territory_code: i.territoryCode,
        territory_name: i.territoryName,
        year: i.year,
        value: i.value,
        unit: i.unit,
        source: i.source,
      })
      .execute();
  }
  return { actions: actions.length, organisations: organisations.length };
}
