// The in-transaction events the policy module emits (core/events.ts, decision 0018). Other
// modules handle them from their manifest's `on`, without policy importing them.
import { statusLabel } from "./present.js";

/** Staff changed an action's status in the back office (emitted in the save's transaction). */
export interface ActionStatusChanged {
  actionId: number;
  title: string;
  /** The action's public page after the save. */
  path: string;
  from: string;
  to: string;
  /** French labels of both statuses ("En cours", "Terminée"). */
  fromLabel: string;
  toLabel: string;
  /** The staff member who saved it. */
  actorId: number;
  at: Date;
}

declare module "../../core/events.js" {
  interface ModuleEvents {
    "policy.action.status-changed": ActionStatusChanged;
  }
}

export function statusChanged(a: { actionId: number; title: string; slug: string; from: string; to: string; actorId: number; at: Date }): ActionStatusChanged {
  return {
    actionId: a.actionId,
    title: a.title,
    path: `/politique-de-la-ville/actions/${a.slug}`,
    from: a.from,
    to: a.to,
    fromLabel: statusLabel(a.from),
    toLabel: statusLabel(a.to),
    actorId: a.actorId,
    at: a.at,
  };
}
