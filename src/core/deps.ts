// What every module receives: the services built once per process by app.ts. It lives in
// core so that modules never import app.ts (no import circle through the app).
import type { Config } from "../config.js";
import type { NavLink, SiteView } from "../ui/context.js";
import type { DB } from "./db/create-db.js";
import type { Assets } from "./http/assets.js";
import type { PageCache } from "./http/page-cache.js";
import type { JobSignal } from "./jobs/queue.js";
import type { Mailer, MailTransport } from "./mail/mailer.js";
import type { JobHandler } from "./jobs/queue.js";
import type { HourlyTask } from "./jobs/schedule.js";
import type { ViewerFacts } from "../ui/viewer.js";
import type { Transaction } from "kysely";
import type { Database } from "./db/schema.js";
import type { EventName, ModuleEvents } from "./events.js";

/** The site's identity and navigation as every page frame needs them (owned by the site module). */
export interface SiteFrameData {
  view: SiteView;
  nav: NavLink[];
  /** The stylesheet of the site's theme colours, and its fingerprinted URL. */
  themeCss: string;
  themeCssUrl: string;
  brandCss: string;
  /** INSEE codes of the territory (the first one biases address searches). */
  communeCodes: string[];
}

export interface SiteFrame {
  load(): Promise<SiteFrameData>;
  invalidate(opts?: { fromRemote?: boolean }): void;
  /** Told of every invalidation made in this process (the cache bus tells the other processes). */
  onInvalidate: (() => void) | null;
}

export interface AppDeps {
  config: Config;
  db: DB;
  pageCache: PageCache;
  site: SiteFrame;
  assets: Assets;
  mediaDir: string;
  /** Queues e-mails as jobs (core/mail/queue.ts); `mailTransport` delivers them from the job. */
  mailer: Mailer;
  mailTransport: MailTransport;
  /** Wakes this process's job workers when a job is enqueued (e-mails leave at once). */
  jobSignal: JobSignal;
  /** The clock, injectable so tests can move time (publication dates). */
  now: () => Date;
  /** What the registered modules contribute (menu, viewer facts, jobs...): core/module.ts. */
  modules: ModuleFacts;
}

export interface AdminMenuEntry {
  href: string;
  label: string;
  /** Shown to roles granted this action. */
  action: string;
  /** Position in the side navigation, smallest first. */
  order: number;
}

/**
 * Work a module repeats (decision 0016). Either on a timer in the process that runs the
 * background work (housekeeping, sweeps: running twice is harmless), or period-exact: one
 * durable job per local hour (`hourly`), enqueued under a unique key per (task, period) by the
 * scheduler (core/jobs/schedule.ts), so it runs once per period whatever the number of
 * processes; the module declares the job's handler in `jobs`.
 */
export type RecurringTask = TimerTask | HourlyTask;

export interface TimerTask {
  name: string;
  everyMs: number;
  run: (deps: AppDeps, now: Date) => Promise<unknown>;
}

export type { HourlyTask };

/** What core asks of the registered modules (implemented by ModuleRegistry in module.ts). */
export interface ModuleFacts {
  readonly adminMenu: readonly AdminMenuEntry[];
  jobHandlers(deps: AppDeps, only?: "all" | "delivery"): Record<string, JobHandler>;
  recurring(): RecurringTask[];
  viewerFacts(deps: AppDeps, userId: number): Promise<Partial<ViewerFacts>>;
  /** Every module's part of a person's RGPD export, merged (manifest `personalData`). */
  personalData(deps: AppDeps, userId: number): Promise<Record<string, unknown>>;
  knowsTag(tag: string): boolean;
  /** Runs the handlers of an in-transaction event (core/events.ts). */
  emit<K extends EventName>(deps: AppDeps, trx: Transaction<Database>, name: K, payload: ModuleEvents[K]): Promise<void>;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
