// A followed action's status changed (the policy module's in-transaction event, decision 0018):
// each follower (a resident who keeps the action among their favourites) gets an on-site
// notice in the transaction of the change, never the staff member who made it.
import type { EventHandler } from "../../../core/module.js";
import { actionFollowers } from "../comments/queries.js";
import { notify } from "./service.js";

export function statusMessage(e: { title: string; fromLabel: string; toLabel: string }): string {
  const title = e.title.length > 300 ? `${e.title.slice(0, 299)}…` : e.title;
  return `L’action « ${title} » que vous suivez a changé de statut : « ${e.fromLabel} » → « ${e.toLabel} ».`;
}

export const tellFollowersOfStatus: EventHandler<"policy.action.status-changed"> = async (_deps, trx, e) => {
  const followers = await actionFollowers(trx, e.actionId);
  await notify(
    trx,
    followers.map((userId) => ({ userId, kind: "follow" as const, message: statusMessage(e), href: e.path })),
    e.at,
    e.actorId,
  );
};
