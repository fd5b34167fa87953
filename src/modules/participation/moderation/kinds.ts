// The kinds of contribution the moderation handles. Each kind (comments here, proposals in
// proposals/) describes how to read its items and change their moderation state; the queue,
// reports, decisions, audit and notices are the same for all (moderation/service.ts).
import type { AppDeps } from "../../../core/deps.js";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import type { Moderation } from "./schema.js";

export type Db = Kysely<Database> | Transaction<Database>;

export interface ModeratedItem {
  kind: string;
  id: number;
  authorId: number | null;
  moderation: Moderation;
  /** Removed by its author or erased: nothing left to moderate or report. */
  gone: boolean;
  /** What the queue and the notices call it ("Commentaire sur « … »"). */
  title: string;
  excerpt: string;
  /** Where it is shown (a public page, with an anchor). */
  href: string;
  /** Settings spaces, most specific first ("comment:action:12", "comment:action"). */
  spaces: readonly string[];
}

export interface ModeratedKind {
  kind: string;
  /** One word for the queue's filter and the audit trail ("Commentaire", "Idée"). */
  label: string;
  find(db: Db, ids: readonly number[]): Promise<ModeratedItem[]>;
  /** Changes the state in the caller's transaction. */
  setModeration(db: Db, id: number, moderation: Moderation, reason: string): Promise<void>;
  /** Optional: called in the decision's transaction when a pre-moderated item becomes public (tell its readers). */
  published?(db: Db, id: number, now: Date): Promise<void>;
  /** Drops the cached pages that show the item. */
  invalidate(deps: Pick<AppDeps, "pageCache">, item: ModeratedItem): void;
}
