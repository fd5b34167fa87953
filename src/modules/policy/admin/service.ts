// Use cases of the Politique de la Ville back office. Each write: check the actor, read
// and check the form, one transaction (references, uniqueness, the change, its audit
// event), then drop the cached public pages that show policy data.
import { isoDay } from "../../../lib/format.js";
import * as q from "./queries.js";
import type { PolicyDeps } from "./service-common.js";

export { changes, POLICY_TAGS, type PolicyDeps, type SaveResult } from "./service-common.js";
export * from "./service-structure.js";
export * from "./service-directory.js";
export * from "./service-actions.js";

// ---- Overview
export async function overview(deps: PolicyDeps) {
  const today = isoDay(deps.now()); // the city's calendar day
  const [counts, attention] = await Promise.all([q.counts(deps.db), q.attention(deps.db, today)]);
  return { counts, attention };
}
