// Public pages of the Politique de la Ville.
import type { FastifyInstance } from "fastify";
import { servePage } from "../../core/http/render.js";
import { NotFoundError } from "../../core/errors.js";
import { noQuery, pageNumber, queryOf, text } from "../../core/http/form.js";
import { MapOrHowToImport } from "./views/map.js";
import * as service from "./service.js";
import { ActionPage } from "./views/action.js";
import { ActionsPage } from "./views/actions.js";
import { OverviewPage } from "./views/overview.js";
import { LookupPage, type LookupView } from "./views/lookup.js";
import { lookupPoint, parsePoint, placesWithGeometry } from "./lookup.js";
import { createGeocoder, GeocoderError } from "../../lib/geocoder/index.js";
import { hitRateLimit } from "../../core/rate-limit.js";
import { feedAlternates } from "../feeds/index.js";
import { CommentSection, loadCommentSection, loadProposalBlock, ProposalBlock } from "../participation/index.js";

// Filters are read leniently (service.parseActionQuery ignores unknown values): only the
// length is bounded here, so that a stale link still shows the list.
const filterQuery = queryOf({
  priorite: text(80),
  quartier: text(80),
  statut: text(80),
  organisation: text(80),
  financeur: text(80),
  annee: text(80),
  page: text(80),
});

const lookupQuery = queryOf({ adresse: text(300), lon: text(20), lat: text(20), libelle: text(300) });
type LookupQuery = { adresse?: string; lon?: string; lat?: string; libelle?: string };
const GEOCODE_LIMIT = { limit: 20, windowMs: 60_000 };

export async function policyRoutes(app: FastifyInstance) {
  const geocoder = app.deps.config.geocoderUrl ? createGeocoder({ baseUrl: app.deps.config.geocoderUrl }) : null;
  const citycode = async () => (await app.deps.site.load()).communeCodes[0];

  app.get<{ Querystring: LookupQuery }>("/politique-de-la-ville/adresse", { schema: { querystring: lookupQuery } }, async (request, reply) => {
    const { adresse = "", libelle } = request.query;
    const view: LookupView = {
      query: adresse,
      geocoder: geocoder !== null,
      error: null,
      candidates: [],
      chosenLabel: null,
      answer: null,
      hasPerimeters: false,
      places: [],
    };
    let point = parsePoint(request.query.lon, request.query.lat);
    if (point) view.chosenLabel = libelle ? libelle.slice(0, 200) : null;
    // Each address search calls the geocoder: a per-address-IP limit keeps one client from
    // exhausting the service (the national API itself allows 50 calls per second per IP).
    const allowed =
      !point && adresse.trim() && geocoder ? (await hitRateLimit(app.deps.db, `geocode:ip:${request.ip}`, GEOCODE_LIMIT, app.deps.now())).allowed : true;
    if (!allowed) view.error = "Vous avez fait beaucoup de recherches en peu de temps. Patientez une minute, puis réessayez.";
    if (allowed && !point && adresse.trim() && geocoder) {
      try {
        // Only addresses of the commune: the portal answers for its own territory.
        const results = await geocoder.search(adresse, { limit: 5, citycode: await citycode() });
        if (results.length === 0) view.error = "Nous n’avons trouvé aucune adresse correspondante. Vérifiez l’orthographe, ou indiquez le numéro et la rue.";
        const [best, ...others] = results;
        if (best) {
          point = [best.lon, best.lat];
          view.chosenLabel = best.label;
          view.candidates = others.map((r) => ({
            label: r.label,
            href: `/politique-de-la-ville/adresse?${new URLSearchParams({ lon: String(r.lon), lat: String(r.lat), libelle: r.label })}`,
          }));
        }
      } catch (error) {
        if (!(error instanceof GeocoderError)) throw error;
        request.log.warn({ err: { message: error.message, kind: error.kind } }, "geocoder failed");
        view.error = error.message;
      }
    }
    if (point) view.answer = await lookupPoint(app.deps.db, point);
    view.places = view.answer ? view.answer.places : await placesWithGeometry(app.deps.db);
    view.hasPerimeters = view.places.length > 0;
    // An address or a position is personal: such answers are never kept in a shared cache.
    return servePage(request, reply, async () => ({
      tags: ["policy", "neighbourhoods"],
      private: adresse !== "" || point !== null,
      render: (ctx) => <LookupPage ctx={ctx} view={view} />,
    }));
  });

  app.get("/politique-de-la-ville", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const data = await service.getOverview(app.deps.db);
      return {
        tags: ["policy", "neighbourhoods"],
        render: (ctx) => (
          <OverviewPage ctx={ctx} data={data} map={<MapOrHowToImport places={data.places} idPrefix="carte-pdv" />} alternates={feedAlternates.policy()} />
        ),
      };
    }),
  );

  app.get<{ Querystring: service.ActionQuery }>("/politique-de-la-ville/actions", { schema: { querystring: filterQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const data = await service.getActions(app.deps.db, request.query, pageNumber(request.query.page));
      return { tags: ["policy"], render: (ctx) => <ActionsPage ctx={ctx} data={data} query={request.query as Record<string, string | undefined>} /> };
    }),
  );

  app.get<{ Params: { slug: string } }>("/politique-de-la-ville/actions/:slug", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(request.params.slug) || request.params.slug.length > 120) throw new NotFoundError();
      const data = await service.getAction(app.deps.db, request.params.slug, app.deps.now());
      const [comments, ideas] = await Promise.all([
        loadCommentSection(request, "action", data.action.id),
        loadProposalBlock(app.deps.db, { actionId: data.action.id }),
      ]);
      return {
        tags: ["policy", ...data.articles.map((c) => `content:${c.id}`), ...comments.tags, ...ideas.tags],
        render: (ctx) => (
          <ActionPage
            ctx={ctx}
            data={data}
            comments={
              <>
                <ProposalBlock model={ideas.model} />
                <CommentSection ctx={ctx} model={comments.model} />
              </>
            }
            map={<MapOrHowToImport places={data.places} title={`Lieux de l’action ${data.action.title}`} idPrefix="carte-action" compact />}
          />
        ),
      };
    }),
  );
}
