// What the dashboard shows: where the editorial work stands, what waits for this person,
// and the latest activity for those who may read the journal. A read-only summary across
// modules, no business rule here: the content items come from queries.ts (see its note),
// the journal from core/audit.ts, the Politique de la Ville from policy's index.ts.
import type { DB } from "../../core/db/create-db.js";
import type { ContentStatus } from "../../core/db/schema.js";
import { listEvents, type AuditEvent } from "../../core/audit.js";
import { can } from "../../core/auth/roles.js";
import { isoDay } from "../../lib/format.js";
import { policyAttention } from "../policy/index.js";
import type { StaffActor } from "./guard.js";
import { contentCountsByStatus, contentInProgressBy, contentInReview, contentScheduled } from "../content/index.js";

export interface DashboardItem {
  id: number;
  title: string;
  kind: "article" | "page";
  status: ContentStatus;
  updatedAt: Date;
  scheduledAt: Date | null;
}

export interface DashboardData {
  counts: Record<ContentStatus, number>;
  toReview: DashboardItem[];
  mine: DashboardItem[];
  upcoming: DashboardItem[];
  activity: AuditEvent[];
  secondFactor: boolean;
  /** For the Politique de la Ville team: what needs a look. */
  policy: { lateMilestones: number; delayed: number; unfunded: number } | null;
}

const toItem = (r: {
  id: number;
  title: string;
  kind: "article" | "page";
  status: ContentStatus;
  updated_at: Date;
  scheduled_at: Date | null;
}): DashboardItem => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  status: r.status,
  updatedAt: r.updated_at,
  scheduledAt: r.scheduled_at,
});

export async function dashboardData(db: DB, actor: StaffActor, now: Date): Promise<DashboardData> {
  const readsContent = can(actor, "content.read");
  const [counts, toReview, mine, upcoming, activity, attention] = await Promise.all([
    readsContent ? contentCountsByStatus(db) : [],
    can(actor, "content.publish") ? contentInReview(db, 10) : [],
    can(actor, "content.create") ? contentInProgressBy(db, actor.id, 10) : [],
    readsContent ? contentScheduled(db, 5) : [],
    can(actor, "audit.read") ? listEvents(db, { limit: 8, offset: 0 }).then((r) => r.events) : [],
    can(actor, "policy.edit") ? policyAttention(db, isoDay(now), 500) : null,
  ]);
  const all: Record<ContentStatus, number> = { draft: 0, review: 0, scheduled: 0, published: 0, unpublished: 0, archived: 0 };
  for (const c of counts) all[c.status] = Number(c.n);
  return {
    counts: all,
    toReview: toReview.map(toItem),
    mine: mine.map(toItem),
    upcoming: upcoming.map(toItem),
    activity,
    secondFactor: actor.totpEnabled,
    policy: attention ? { lateMilestones: attention.late.length, delayed: attention.delayed.length, unfunded: attention.unfunded.length } : null,
  };
}
