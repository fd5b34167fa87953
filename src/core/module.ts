// The module contract (docs/decisions/0014-module-contract.md). A feature module exports one
// manifest from its index.ts; app.ts registers the list in src/modules.ts. Core reads what the
// manifests declare and knows no feature table: the back-office menu, the role table, the job
// handlers, the facts a signed-in page needs about its viewer, the cache tags and the handlers of
// in-transaction module events (core/events.ts, decision 0018) all come from here.
import type { FastifyInstance } from "fastify";
import type { Transaction } from "kysely";
import type { ViewerFacts } from "../ui/viewer.js";
import type { PermissionDeclaration } from "./auth/roles.js";
import type { Database } from "./db/schema.js";
import type { AdminMenuEntry, AppDeps, ModuleFacts, RecurringTask } from "./deps.js";
import type { EventName, ModuleEvents } from "./events.js";
import type { JobHandler } from "./jobs/queue.js";
import type { MailMessage } from "./mail/mailer.js";

/** A module's handler of another module's in-transaction event (core/events.ts). */
export type EventHandler<K extends EventName> = (deps: AppDeps, trx: Transaction<Database>, payload: ModuleEvents[K]) => Promise<void>;

/** What a manifest's `on` holds: at most one handler per event and module. */
export type EventHandlers = { [K in EventName]?: EventHandler<K> };

export type RoutePlugin = (app: FastifyInstance) => Promise<void> | void;

export type { PermissionDeclaration };

export type { AdminMenuEntry, RecurringTask };

export interface ModuleManifest {
  /** Folder name under src/modules. */
  name: string;
  /**
   * Hooks that must run before any route (e.g. the back-office guard). Called in module order
   * after the core plugins.
   */
  setup?: RoutePlugin;
  /** Public routes. */
  routes?: RoutePlugin;
  /** Back-office routes (under /admin, behind the staff guard). */
  adminRoutes?: RoutePlugin;
  /** Routes registered after every other module's (a catch-all for nested page paths). */
  lastRoutes?: RoutePlugin;
  adminMenu?: readonly AdminMenuEntry[];
  permissions?: readonly PermissionDeclaration[];
  /** Durable job handlers by kind, run by the server's worker (or `npm run worker`). */
  jobs?: (deps: AppDeps) => Record<string, JobHandler>;
  /**
   * Jobs that deliver something as soon as queued (e-mails, reset links): test worlds run these
   * too, while scheduled ones wait for the test to run them.
   */
  deliveryJobs?: (deps: AppDeps) => Record<string, JobHandler>;
  recurring?: readonly RecurringTask[];
  /** The e-mails this module sends, by name (rendered by the mail catalogue test). */
  mails?: Readonly<Record<string, (...args: never[]) => MailMessage>>;
  /** What a signed-in page needs to know about its viewer, from this module's tables. */
  viewerFacts?: (deps: AppDeps, userId: number) => Promise<Partial<ViewerFacts>>;
  /**
   * What this module holds about a person, for "Télécharger mes données" (RGPD art. 15 and 20):
   * its keys join the top level of the account export. Personal data only, never secrets
   * (hashes, tokens); keys must not clash with another module's.
   */
  personalData?: (deps: AppDeps, userId: number) => Promise<Record<string, unknown>>;
  /** Prefixes of the page-cache tags this module's pages carry and its changes drop ("content:", "home"). */
  cacheTags?: readonly string[];
  /**
   * Handlers of other modules' in-transaction events (core/events.ts, decision 0018), run inside
   * the emitter's transaction: what they write commits or rolls back with the change.
   */
  on?: EventHandlers;
}

/** Identity function that checks a manifest's shape where it is written. */
export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

/** What core reads from the registered manifests, computed once per app. */
export class ModuleRegistry implements ModuleFacts {
  readonly adminMenu: readonly AdminMenuEntry[];
  readonly cacheTags: readonly string[];
  readonly #viewerLoaders: NonNullable<ModuleManifest["viewerFacts"]>[];
  readonly #personalData: { module: string; load: NonNullable<ModuleManifest["personalData"]> }[];
  readonly #handlers = new Map<string, { module: string; handler: EventHandler<EventName> }[]>();

  constructor(readonly modules: readonly ModuleManifest[]) {
    const names = new Set<string>();
    for (const m of modules) {
      if (names.has(m.name)) throw new Error(`Module registered twice: ${m.name}`);
      names.add(m.name);
    }
    this.adminMenu = modules.flatMap((m) => m.adminMenu ?? []).sort((a, b) => a.order - b.order);
    this.cacheTags = modules.flatMap((m) => m.cacheTags ?? []);
    this.#viewerLoaders = modules.flatMap((m) => (m.viewerFacts ? [m.viewerFacts] : []));
    this.#personalData = modules.flatMap((m) => (m.personalData ? [{ module: m.name, load: m.personalData }] : []));
    for (const m of modules) {
      for (const [name, handler] of Object.entries(m.on ?? {})) {
        if (!handler) continue;
        const list = this.#handlers.get(name) ?? [];
        list.push({ module: m.name, handler: handler as EventHandler<EventName> });
        this.#handlers.set(name, list);
      }
    }
  }

  /**
   * Runs every module's handler of an event, in module order, one after the other inside the
   * emitter's transaction (its queries cannot run in parallel on one connection). A handler's
   * error propagates: the emitter's transaction rolls back, change and notices alike.
   */
  async emit<K extends EventName>(deps: AppDeps, trx: Transaction<Database>, name: K, payload: ModuleEvents[K]): Promise<void> {
    for (const { handler } of this.#handlers.get(name) ?? []) await (handler as EventHandler<K>)(deps, trx, payload);
  }

  /** The modules that handle an event, in the order they run (tests, the decision record). */
  handlersOf(name: EventName): string[] {
    return (this.#handlers.get(name) ?? []).map((h) => h.module);
  }

  permissions(): PermissionDeclaration[] {
    return this.modules.flatMap((m) => m.permissions ?? []);
  }

  jobHandlers(deps: AppDeps, only: "all" | "delivery" = "all"): Record<string, JobHandler> {
    const handlers: Record<string, JobHandler> = {};
    const add = (more: Record<string, JobHandler>, owner: string) => {
      for (const [kind, handler] of Object.entries(more)) {
        if (Object.hasOwn(handlers, kind)) throw new Error(`Job kind declared twice: ${kind} (${owner})`);
        handlers[kind] = handler;
      }
    };
    for (const m of this.modules) {
      if (m.deliveryJobs) add(m.deliveryJobs(deps), m.name);
      if (only === "all" && m.jobs) add(m.jobs(deps), m.name);
    }
    return handlers;
  }

  recurring(): RecurringTask[] {
    return this.modules.flatMap((m) => m.recurring ?? []);
  }

  /** Merges every module's facts about a signed-in viewer (one query or two per module, in parallel). */
  async viewerFacts(deps: AppDeps, userId: number): Promise<Partial<ViewerFacts>> {
    const parts = await Promise.all(this.#viewerLoaders.map((load) => load(deps, userId)));
    return Object.assign({}, ...parts);
  }

  /** Every module's part of a person's export, in module order; two modules giving one key is a bug. */
  async personalData(deps: AppDeps, userId: number): Promise<Record<string, unknown>> {
    const parts = await Promise.all(this.#personalData.map(async ({ module, load }) => ({ module, data: await load(deps, userId) })));
    const merged: Record<string, unknown> = {};
    const owner = new Map<string, string>();
    for (const { module, data } of parts) {
      for (const [key, value] of Object.entries(data)) {
        if (owner.has(key)) throw new Error(`Export key "${key}" given by both ${owner.get(key)} and ${module}`);
        owner.set(key, module);
        merged[key] = value;
      }
    }
    return merged;
  }

  /** True when a tag belongs to the vocabulary a module declared. */
  knowsTag(tag: string): boolean {
    return this.cacheTags.some((prefix) => (prefix.endsWith(":") ? tag.startsWith(prefix) : tag === prefix));
  }
}
