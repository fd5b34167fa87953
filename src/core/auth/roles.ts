// Back-office authorisation as data: one role x action table, one `can()` that every
// route and service asks (ASVS 4.0.3 V4.1 / 5.0 V8). Anything not granted here is refused,
// including unknown roles and actions arriving at run time (deny by default, fail closed).
// The table is documented in docs/decisions/0007-back-office-security.md and tested cell
// by cell in roles.test.ts: change the three together.
import type { Role } from "../db/schema.js";

export type { Role };

export const ROLES = ["resident", "contributor", "editor", "policy", "admin"] as const satisfies readonly Role[];

export const ACTIONS = [
  "backoffice.access",
  "content.read",
  "content.create",
  "content.edit_own",
  "content.edit_any",
  "content.submit",
  "content.publish",
  "content.schedule",
  "content.unpublish",
  "content.delete",
  "media.upload",
  "media.delete",
  "revision.restore",
  "policy.edit",
  "audit.read",
  "staff.manage",
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * `true`: always; `"own"`: only on a subject the actor wrote, and only while the subject
 * is in one of the statuses listed for that action in OWN_STATUSES. Absent: refused.
 */
export type Grant = true | "own";

export interface Actor {
  id: number;
  role: Role;
}

export interface Subject {
  authorId?: number | null;
  status?: string;
}

// Contributors write; editors decide what the public sees. A contributor's rights on an
// item stop once it leaves their hands (scheduled, published...), otherwise they could
// change published text without review.
const CONTRIBUTOR: Partial<Record<Action, Grant>> = {
  "backoffice.access": true,
  "content.read": true,
  "content.create": true,
  "content.edit_own": "own",
  "content.submit": "own",
  "media.upload": true,
  "revision.restore": "own",
};

const EDITOR: Partial<Record<Action, Grant>> = {
  "backoffice.access": true,
  "content.read": true,
  "content.create": true,
  "content.edit_own": true,
  "content.edit_any": true,
  "content.submit": true,
  "content.publish": true,
  "content.schedule": true,
  "content.unpublish": true,
  "content.delete": true,
  "media.upload": true,
  "media.delete": true,
  "revision.restore": true,
};

// The Politique de la Ville team maintains contracts, actions and indicators; it reads
// articles (to link them to actions) but does not write or publish them.
const POLICY: Partial<Record<Action, Grant>> = {
  "backoffice.access": true,
  "content.read": true,
  "policy.edit": true,
};

const ADMIN: Partial<Record<Action, Grant>> = Object.fromEntries(ACTIONS.map((a) => [a, true]));

export const ROLE_TABLE: Readonly<Record<Role, Readonly<Partial<Record<Action, Grant>>>>> = Object.freeze({
  resident: Object.freeze({}),
  contributor: Object.freeze(CONTRIBUTOR),
  editor: Object.freeze(EDITOR),
  policy: Object.freeze(POLICY),
  admin: Object.freeze(ADMIN),
});

/** Statuses in which an "own" grant applies. */
const OWN_STATUSES: Partial<Record<Action, readonly string[]>> = {
  "content.edit_own": ["draft", "review"],
  "revision.restore": ["draft", "review"],
  // submitting moves draft -> review; from review there is nothing left to submit
  "content.submit": ["draft"],
};

export function can(actor: Actor | null | undefined, action: Action, subject?: Subject): boolean {
  if (!actor || !Number.isInteger(actor.id)) return false;
  // hasOwn: a role or action name such as "__proto__" or "toString" must not find anything
  if (!Object.hasOwn(ROLE_TABLE, actor.role)) return false;
  const grants = ROLE_TABLE[actor.role];
  if (!Object.hasOwn(grants, action)) return false;
  const grant = grants[action];
  if (grant === true) return true;
  if (grant !== "own") return false;
  // Ownership needs a subject that says who wrote it and where it stands; missing facts refuse.
  if (!subject || subject.authorId == null || subject.authorId !== actor.id) return false;
  const statuses = OWN_STATUSES[action];
  return statuses !== undefined && subject.status !== undefined && statuses.includes(subject.status);
}

/** The one question an edit form asks: any item for editors, own drafts for contributors. */
export function canEditContent(actor: Actor | null | undefined, subject: Subject): boolean {
  return can(actor, "content.edit_any", subject) || can(actor, "content.edit_own", subject);
}

/** Staff roles: back-office access, hence shorter sessions and a second factor. */
export function isStaff(role: Role | string): boolean {
  return Object.hasOwn(ROLE_TABLE, role) && can({ id: 0, role: role as Role }, "backoffice.access");
}
