// Back-office authorisation as data: one role x action table, one `can()` that every
// route and service asks (ASVS 4.0.3 V4.1 / 5.0 V8). Anything not granted here is refused,
// including unknown roles and actions arriving at run time (deny by default, fail closed).
// The table is documented in docs/decisions/0007-back-office-security.md and tested cell
// by cell in roles.test.ts: change the three together.
import type { Role } from "../db/schema.js";

export type { Role };

export const ROLES = ["resident", "contributor", "editor", "policy", "moderator", "mediator", "admin"] as const satisfies readonly Role[];

/**
 * `true`: always; `"own"`: only on a subject the actor wrote, and only while the subject
 * is in one of the statuses listed for that action (`ownStatuses`). Absent: refused.
 */
export type Grant = true | "own";

/** An action name, "<module>.<verb>": each module declares its own in its manifest. */
export type Action = string;

/** One action a module adds to the role table, and the roles granted it. */
export interface PermissionDeclaration {
  action: Action;
  grants: Partial<Record<Role, Grant>>;
  /** For "own" grants: the subject statuses in which they apply. */
  ownStatuses?: readonly string[];
}

export interface Actor {
  id: number;
  role: Role;
}

export interface Subject {
  authorId?: number | null;
  status?: string;
}

/**
 * Core's own action: who may enter the back office, hence who is staff (shorter sessions, a
 * second factor). Every other action comes from the modules' manifests (core/module.ts).
 */
const CORE_PERMISSIONS: readonly PermissionDeclaration[] = [
  { action: "backoffice.access", grants: { contributor: true, editor: true, policy: true, moderator: true, mediator: true } },
];

interface Table {
  actions: readonly Action[];
  grants: Readonly<Record<Role, Readonly<Record<Action, Grant>>>>;
  ownStatuses: Readonly<Record<Action, readonly string[]>>;
}

function buildTable(declarations: readonly PermissionDeclaration[]): Table {
  const grants = Object.fromEntries(ROLES.map((r) => [r, Object.create(null) as Record<Action, Grant>])) as Record<Role, Record<Action, Grant>>;
  const ownStatuses: Record<Action, readonly string[]> = Object.create(null);
  const actions: Action[] = [];
  for (const d of [...CORE_PERMISSIONS, ...declarations]) {
    if (actions.includes(d.action)) throw new Error(`Permission declared twice: ${d.action}`);
    actions.push(d.action);
    for (const [role, grant] of Object.entries(d.grants) as [Role, Grant][]) {
      if (!Object.hasOwn(grants, role)) throw new Error(`Unknown role in ${d.action}: ${role}`);
      if (role === "resident") throw new Error(`Residents get no back-office action (${d.action})`);
      grants[role][d.action] = grant;
    }
    if (d.ownStatuses) ownStatuses[d.action] = Object.freeze([...d.ownStatuses]);
    // The administrator may do everything, always.
    grants.admin[d.action] = true;
  }
  for (const r of ROLES) Object.freeze(grants[r]);
  return { actions: Object.freeze(actions), grants: Object.freeze(grants), ownStatuses: Object.freeze(ownStatuses) };
}

let table = buildTable([]);

/**
 * Builds the role table from the registered modules' declarations (app.ts, at start). Until
 * then only core's action exists, so every module action is refused: fail closed.
 */
export function installPermissions(declarations: readonly PermissionDeclaration[]): void {
  table = buildTable(declarations);
}

/** Every action known to the table, in declaration order. */
export function knownActions(): readonly Action[] {
  return table.actions;
}

/** One role's grants (for the staff page and the matrix test). */
export function grantsOf(role: Role): Readonly<Record<Action, Grant>> {
  return Object.hasOwn(table.grants, role) ? table.grants[role] : Object.freeze({});
}

export function can(actor: Actor | null | undefined, action: Action, subject?: Subject): boolean {
  if (!actor || !Number.isInteger(actor.id)) return false;
  // hasOwn: a role or action name such as "__proto__" or "toString" must not find anything
  if (!Object.hasOwn(table.grants, actor.role)) return false;
  const grants = table.grants[actor.role];
  if (!Object.hasOwn(grants, action)) return false;
  const grant = grants[action];
  if (grant === true) return true;
  if (grant !== "own") return false;
  // Ownership needs a subject that says who wrote it and where it stands; missing facts refuse.
  if (!subject || subject.authorId == null || subject.authorId !== actor.id) return false;
  const statuses = table.ownStatuses[action];
  return statuses !== undefined && subject.status !== undefined && statuses.includes(subject.status);
}

/** Staff roles: back-office access, hence shorter sessions and a second factor. */
export function isStaff(role: Role | string): boolean {
  return Object.hasOwn(table.grants, role) && can({ id: 0, role: role as Role }, "backoffice.access");
}
