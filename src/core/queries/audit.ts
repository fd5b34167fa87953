// SQL of the audit trail (core/audit.ts holds its rules: names, details cleaning, filters).
import type { Insertable, Transaction } from "kysely";
import type { DB } from "../db/create-db.js";
import type { AuditEventsTable, Database } from "../db/schema.js";

export async function insertAuditEvent(trx: Transaction<Database>, values: Insertable<AuditEventsTable>) {
  return trx.insertInto("audit_events").values(values).returning("id").executeTakeFirstOrThrow();
}

export interface AuditQuery {
  actorId?: number;
  action?: { exact: string } | { like: string };
  targetType?: string;
  targetId?: number | string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** One page of events, newest first, and the count of all that match. Filters are parameters, never SQL text. */
export async function selectAuditEvents(db: DB, q: AuditQuery) {
  let query = db.selectFrom("audit_events");
  if (q.actorId !== undefined) query = query.where("actor_id", "=", q.actorId);
  if (q.action && "exact" in q.action) query = query.where("action", "=", q.action.exact);
  if (q.action && "like" in q.action) query = query.where("action", "like", q.action.like);
  if (q.targetType !== undefined) query = query.where("target_type", "=", q.targetType);
  if (q.targetId !== undefined) query = query.where("target_id", "=", String(q.targetId));
  if (q.from) query = query.where("occurred_at", ">=", q.from);
  if (q.to) query = query.where("occurred_at", "<", q.to);
  return Promise.all([
    query
      .select(["id", "occurred_at", "actor_id", "actor_label", "action", "target_type", "target_id", "target_label", "details", "ip"])
      .orderBy("occurred_at", "desc")
      .orderBy("id", "desc")
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
}

/** Everyone who appears in the trail, for the journal's "Personne" filter (the latest label of each). */
export async function auditActors(db: DB): Promise<{ id: number; label: string }[]> {
  const rows = await db
    .selectFrom("audit_events")
    .select(["actor_id"])
    .select((eb) => eb.fn.max("actor_label").as("label"))
    .where("actor_id", "is not", null)
    .groupBy("actor_id")
    .orderBy("label")
    .limit(500)
    .execute();
  return rows.map((a) => ({ id: a.actor_id!, label: a.label }));
}
