// Shared by the Politique de la Ville back-office use cases: the actor check, one
// transaction per write followed by dropping the cached public pages, the audit event,
// free slugs. The use cases themselves are in service-*.ts, re-exported by service.ts.
import type { Transaction } from "kysely";
import { recordEvent } from "../../../core/audit.js";
import { can } from "../../../core/auth/roles.js";
import type { DB } from "../../../core/db/create-db.js";
import type { Database } from "../../../core/db/schema.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../core/errors.js";
import type { Emit } from "../../../core/events.js";
import type { PageCache } from "../../../core/http/page-cache.js";
import { slugify } from "../../../lib/text.js";
import type { StaffActor } from "../../admin/index.js";
import type { Errors } from "./validate.js";

export interface PolicyDeps {
  db: DB;
  pageCache: PageCache;
  now: () => Date;
  /** In-transaction events for other modules (events.ts): the action status change. */
  emit: Emit;
}

export type Trx = Transaction<Database>;

/** What a save gives back; a refused form throws a ValidationError instead (routes: handleForm). */
export interface SaveResult {
  id: number;
  label: string;
}

/** The form is shown again with these French messages and the values as typed. */
export function refuse(errors: Errors, values: unknown): never {
  throw new ValidationError(errors, "Policy form refused", values);
}

/** Public pages showing policy data: overview, actions, neighbourhood pages, open data. */
export const POLICY_TAGS = ["policy", "neighbourhoods", "opendata"] as const;

export function assertCanEdit(actor: StaffActor): void {
  if (!can(actor, "policy.edit")) throw new ForbiddenError("Missing policy.edit");
}

export function parseId(id: string | number): number {
  const n = typeof id === "number" ? id : /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new NotFoundError();
  return n;
}

/** Fields whose value changed, as { field: { from, to } } for the audit trail. */
export function changes(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(after)) {
    const from = before ? before[k] : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out[k] = { from: before ? from : null, to };
  }
  return out;
}

export async function write<T>(deps: PolicyDeps, work: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction().execute(work);
  deps.pageCache.invalidateTags(POLICY_TAGS);
  return result;
}

export function audit(
  trx: Trx,
  deps: PolicyDeps,
  actor: StaffActor,
  action: string,
  target: { type: string; id: number; label: string },
  details: Record<string, unknown>,
) {
  return recordEvent(trx, { actor: { id: actor.id, label: actor.label }, action, target, details, at: deps.now() });
}

/** The slug typed, or one made from the title and numbered until it is free. */
export async function freeSlug(taken: (slug: string) => Promise<boolean>, base: string): Promise<string> {
  const root = slugify(base, 72) || "element";
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${root}-${Date.now()}`;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}
