// The audit trail of the back office (who did what to which item, when): editorial and
// moderation actions, role changes, staff sign-ins. An event is written in the same
// transaction as the change it describes, so it exists if and only if the change does
// (a rolled-back publication leaves no "published" event, a crash no unrecorded change).
import type { Transaction } from "kysely";
import type { DB } from "./db/create-db.js";
import type { Database } from "./db/schema.js";
import { insertAuditEvent, selectAuditEvents } from "./queries/audit.js";

export { auditActors } from "./queries/audit.js";

/** "<target>.<verb>", lower case: "content.publish", "staff.role_change", "auth.sign_in". */
const ACTION = /^[a-z_]+(\.[a-z_]+)*$/;

export interface AuditActor {
  /** null for the system or a command-line script; the label says which. */
  id: number | null;
  /** Kept as written, so the trail stays readable after the account is deleted. */
  label: string;
}

export interface AuditTarget {
  type: string;
  id: number | string;
  label: string;
}

export interface AuditEventInput {
  actor: AuditActor | null;
  action: string;
  target: AuditTarget;
  details?: Record<string, unknown>;
  ip?: string;
  /** Defaults to the database clock; services pass their own clock so tests control it. */
  at?: Date;
}

export interface AuditEvent {
  id: number;
  occurredAt: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  targetLabel: string;
  details: Record<string, unknown>;
  ip: string;
}

// Keys whose values never belong in the trail, whatever module sends them. Compared
// after lower-casing and removing separators ("newPassword", "totp_secret", "X-Csrf-Token").
const SECRET_PARTS = [
  "password",
  "passwd",
  "passphrase",
  "token",
  "secret",
  "totp",
  "recoverycode",
  "codehash",
  "cookie",
  "csrf",
  "authorization",
  "apikey",
  "sessionid",
];
const SECRET_KEYS = new Set(["otp", "pwd", "hash", "code"]);
const MAX_DEPTH = 6;
const MAX_STRING = 2000;
const MAX_ITEMS = 100;

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SECRET_KEYS.has(k) || SECRET_PARTS.some((part) => k.includes(part));
}

/**
 * A JSON-safe copy without secret-looking keys, at any depth, and bounded in size so a
 * careless caller cannot fill the table (long strings cut, long arrays shortened).
 */
export function cleanDetails(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => cleanDetails(v, depth + 1) ?? null);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (isSecretKey(key)) continue;
      const cleaned = cleanDetails(v, depth + 1);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  return undefined; // functions, symbols, undefined
}

/**
 * Writes one event inside the caller's transaction. The parameter type asks for a
 * Transaction, so "forgot the transaction" is a type error; the run-time check covers
 * casts and plain JavaScript callers.
 */
export async function recordEvent(trx: Transaction<Database>, event: AuditEventInput): Promise<number> {
  if (!trx.isTransaction) throw new Error("recordEvent must run inside the transaction of the change it records");
  if (!ACTION.test(event.action)) throw new Error(`Invalid audit action: ${JSON.stringify(event.action)}`);
  const details = cleanDetails(event.details ?? {});
  const row = await insertAuditEvent(trx, {
    ...(event.at ? { occurred_at: event.at } : {}),
    actor_id: event.actor?.id ?? null,
    actor_label: (event.actor?.label ?? "").slice(0, 200),
    action: event.action,
    target_type: event.target.type,
    target_id: String(event.target.id),
    target_label: event.target.label.slice(0, 300),
    details: JSON.stringify(details),
    ip: (event.ip ?? "").slice(0, 64),
  });
  return Number(row.id);
}

export interface AuditFilters {
  actorId?: number;
  /** Exact ("content.publish") or a family ("content.*"). */
  action?: string;
  targetType?: string;
  targetId?: number | string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit: number;
  offset: number;
}

export const AUDIT_PAGE_MAX = 200;

/** Newest first, with the total for pagination. Filters are parameters, never SQL text. */
export async function listEvents(db: DB, filters: AuditFilters): Promise<{ events: AuditEvent[]; total: number }> {
  const limit = Math.min(Math.max(Math.trunc(filters.limit) || 1, 1), AUDIT_PAGE_MAX);
  const offset = Math.max(Math.trunc(filters.offset) || 0, 0);

  let action: { exact: string } | { like: string } | undefined;
  if (filters.action !== undefined) {
    if (filters.action.endsWith(".*")) {
      const family = filters.action.slice(0, -2);
      if (!ACTION.test(family)) return { events: [], total: 0 };
      // "_" is a LIKE wildcard and may appear in action names: escape it
      action = { like: `${family.replace(/_/g, "\\_")}.%` };
    } else {
      action = { exact: filters.action };
    }
  }
  const [rows, count] = await selectAuditEvents(db, { ...filters, action, limit, offset });
  return {
    total: Number(count.n),
    events: rows.map((r) => ({
      id: Number(r.id),
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetLabel: r.target_label,
      details: (r.details ?? {}) as Record<string, unknown>,
      ip: r.ip,
    })),
  };
}
