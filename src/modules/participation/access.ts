// Who may take part. Residents' acts (comment, reply, report, propose, support) are not in the
// role table, which holds back-office actions only: any signed-in account whose address is
// verified and that no moderator has blocked may do them, staff included (decision 0017).
import type { Kysely, Transaction } from "kysely";
import type { CurrentUser } from "../../core/auth/sessions.js";
import type { Database } from "../../core/db/schema.js";
import { formatDate } from "../../lib/format.js";
import { activeBlock } from "./moderation/queries.js";

type Db = Kysely<Database> | Transaction<Database>;

export type Refusal = { reason: "anonymous" | "unverified" | "blocked"; message: string };

/** Why this person may not take part now; null when they may. */
export async function participationRefusal(db: Db, user: Pick<CurrentUser, "id" | "emailVerified"> | null | undefined, now: Date): Promise<Refusal | null> {
  if (!user) return { reason: "anonymous", message: "Connectez-vous pour participer." };
  if (!user.emailVerified) return { reason: "unverified", message: "Confirmez d’abord votre adresse électronique (lien reçu par courriel) pour participer." };
  const block = await activeBlock(db, user.id, now);
  if (block) return { reason: "blocked", message: `Votre compte ne peut plus participer jusqu’au ${formatDate(block.blocked_until)} : ${block.reason}` };
  return null;
}
