// The ideas block of a quartier page ("3 idées pour ce quartier", the latest ones, a link to
// propose one) and of an action page (the residents' ideas it came from). Loaded by the page's
// route through index.ts, with the tag that drops it when an idea changes.
import type { DB } from "../../../core/db/create-db.js";
import { type ProposalCardView, presentCard, proposalCount } from "./present.js";
import * as q from "./queries.js";
import { ProposalList } from "./views/public.js";

export interface ProposalBlockModel {
  kind: "neighbourhood" | "action";
  total: number;
  items: ProposalCardView[];
  /** The full list filtered on this quartier. */
  listHref: string | null;
}

const LATEST = 3;

export async function loadProposalBlock(
  db: DB,
  target: { neighbourhoodId: number; neighbourhoodSlug: string } | { actionId: number },
): Promise<{ model: ProposalBlockModel; tags: string[] }> {
  if ("actionId" in target) {
    const rows = await q.listForAction(db, target.actionId);
    return { model: { kind: "action", total: rows.length, items: rows.map(presentCard), listHref: null }, tags: ["participation:proposals"] };
  }
  const { rows, total } = await q.listProposals(db, { neighbourhoodId: target.neighbourhoodId, visibleOnly: true }, LATEST, 0);
  return {
    model: {
      kind: "neighbourhood",
      total,
      items: rows.map(presentCard),
      listHref: `/participation/idees?quartier=${encodeURIComponent(target.neighbourhoodSlug)}`,
    },
    tags: ["participation:proposals"],
  };
}

export function ProposalBlock({ model }: { model: ProposalBlockModel }) {
  if (model.kind === "action") {
    if (model.total === 0) return null;
    return (
      <section class="section proposals-block" aria-labelledby="idees-action">
        <h2 id="idees-action">Née d’idées d’habitants</h2>
        <p>
          {model.total === 1
            ? "Cette action reprend une idée proposée par des habitants :"
            : `Cette action reprend ${model.total} idées proposées par des habitants :`}
        </p>
        <ProposalList items={model.items} headingLevel={3} />
      </section>
    );
  }
  return (
    <section class="section proposals-block" aria-labelledby="idees-quartier">
      <h2 id="idees-quartier">Idées des habitants</h2>
      <p>
        {model.total === 0 ? "Aucune idée n’a encore été proposée pour ce quartier." : `${proposalCount(model.total)} pour ce quartier.`}{" "}
        {model.total > LATEST && model.listHref ? (
          <a href={model.listHref}>Voir toutes les idées du quartier</a>
        ) : (
          <a href="/participation/idees">Voir les idées de tous les quartiers</a>
        )}
      </p>
      {model.items.length > 0 ? <ProposalList items={model.items} headingLevel={3} /> : null}
      <p>
        <a class="button button--secondary" href="/participation/idees/nouvelle">
          Proposer une idée
        </a>
      </p>
    </section>
  );
}
