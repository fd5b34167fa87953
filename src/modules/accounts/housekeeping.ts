// The accounts module's share of the retention promised on the privacy page
// (/donnees-personnelles), run hourly by the server (manifest.ts `recurring`): e-mailed links
// are deleted 7 days after they expired or were used; unfinished second sign-in steps once
// expired (they live five minutes).
import type { DB } from "../../core/db/create-db.js";
import { deleteExpiredPendingSignIns, deleteSpentTokens } from "./queries.js";

const DAY = 86_400_000;

export async function purgeAccountLinks(db: DB, now: Date): Promise<{ tokens: number }> {
  const tokens = await deleteSpentTokens(db, new Date(now.getTime() - 7 * DAY));
  await deleteExpiredPendingSignIns(db, now);
  return { tokens: Number(tokens.numDeletedRows) };
}
