// In-transaction module events (decisions 0014 and 0018). A module that must tell others of a
// change without importing them names an event and its payload by augmenting `ModuleEvents`
// from its own folder, and emits it with the transaction of the change:
//
//   declare module "../../core/events.js" {
//     interface ModuleEvents { "policy.action.status-changed": ActionStatusChanged }
//   }
//   await deps.emit(trx, "policy.action.status-changed", { ... });
//
// Modules that care declare a handler in their manifest (`on`, core/module.ts); core runs them one after the
// other inside that transaction, so what they write commits or rolls back with the change, and a
// handler that throws rolls the change back. Handlers must stay small (a few queries): they run
// inside the emitter's transaction, while its row locks are held.
import type { Transaction } from "kysely";
import type { Database } from "./db/schema.js";

/** Event name -> payload, augmented by the module that emits each event. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging from the modules
export interface ModuleEvents {}

export type EventName = keyof ModuleEvents;

/** Emits an event inside a transaction; resolves once every handler has run in it. */
export type Emit = <K extends EventName>(trx: Transaction<Database>, name: K, payload: ModuleEvents[K]) => Promise<void>;
