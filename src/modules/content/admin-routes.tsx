// Back-office routes of the content module (under /admin, behind registerAdminGuard),
// plus the private preview links (/apercu/:token), which work without an account.
// Routes stay thin: parse, call one service function, render or redirect. Every route
// declares its action (requireStaff); per-item rules (own drafts) live in the service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, ValidationError } from "../../core/errors.js";
import { emptyForm, field, formBody, handleForm, noQuery, pageParam, queryOf, text } from "../../core/http/form.js";
import { servePage } from "../../core/http/render.js";
import { serveAdminPage, requireStaff, staffActor } from "../admin/index.js";
import * as pages from "./admin/pages.js";
import * as service from "./admin/service.js";
import { AutosaveRefusedError, parseVersion, type EditorActor, type SaveConflict, type WorkflowAction } from "./admin/service.js";
import { BODY_FIELD_MAX, formValues, type ContentFormValues, type RawForm } from "./admin/validate.js";
import { ContentEditPage } from "./admin/views/edit.js";
import { ConflictPage, DeletePage, RevisionsPage } from "./admin/views/history.js";
import { ContentListPage } from "./admin/views/list.js";
import { formatDateTime } from "../../lib/format.js";
import { getItemPreview } from "./service.js";
import { ItemPage } from "./views/item.js";
import { STATUS_LABELS } from "./admin/views/common.js";
import * as previewLinks from "./admin/preview-links.js";

const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", pattern: "^[0-9]{1,9}$" } },
} as const;

const revisionParams = {
  type: "object",
  required: ["id", "rid"],
  properties: { id: { type: "string", pattern: "^[0-9]{1,9}$" }, rid: { type: "string", pattern: "^[0-9]{1,9}$" } },
} as const;

/**
 * Checkbox groups of theme and place ids. Bounded strings rather than `ids`: the service
 * answers a value that is not an id with the form's French message next to the field.
 */
const choices = { type: "array", maxItems: 200, items: text(12) } as const;

/** The edit form's body: only these fields are read. */
const contentBody = formBody({
  _csrf: text(200),
  version: text(20),
  title: text(),
  slug: text(),
  standfirst: text(5000),
  body: text(BODY_FIELD_MAX),
  themes: choices,
  neighbourhoods: choices,
  hero: text(),
  parent: text(),
  related1: text(),
  related2: text(),
  related3: text(),
  image_q: text(),
  chercher_images: text(10),
});

/** "Chercher" in the hero picker: show the form again with the typed values, save nothing. */
function imageSearchOf(body: RawForm | undefined): string | null {
  if (field(body, "chercher_images", { max: 10 }) !== "1") return null;
  return field(body, "image_q", { max: 100, trim: true });
}

/** Workflow buttons, deletion and restoring: the loaded version, the schedule, the confirmation. */
const actionBody = formBody({ _csrf: text(200), version: text(20), date: text(20), time: text(20), confirm: text(10) });

const listQuery = queryOf({
  q: text(200),
  type: text(20),
  statut: text(20),
  theme: text(12),
  quartier: text(12),
  auteur: text(12),
  tri: text(20),
  page: pageParam,
});

/** After a redirect, which notice the page shows ("?fait=enregistre"). */
const noticeQuery = queryOf({ fait: text(40) });

type IdRoute = { Params: { id: string } };

const NOTICES: Record<string, string> = {
  cree: "Brouillon créé. Il n’est visible que dans l’administration.",
  enregistre: "Modifications enregistrées.",
  "enregistre-en-ligne": "Modifications enregistrées et mises en ligne.",
  soumis: "Contenu soumis pour relecture.",
  publie: "Contenu publié : il est en ligne.",
  programme: "Publication programmée.",
  depublie: "Contenu retiré du site.",
  deprogramme: "Programmation annulée : le contenu est redevenu un brouillon.",
  archive: "Contenu archivé.",
  restaure: "Version restaurée.",
  "lien-revoque": "Le lien d’aperçu a été révoqué : il ne fonctionne plus.",
};

const ACTION_ROUTES: Array<{ path: string; action: WorkflowAction }> = [
  { path: "soumettre", action: "submit" },
  { path: "publier", action: "publish" },
  { path: "programmer", action: "schedule" },
  { path: "depublier", action: "unpublish" },
  { path: "archiver", action: "archive" },
];

function editorActor(request: FastifyRequest): EditorActor {
  const a = staffActor(request);
  return { id: a.id, role: a.role, label: a.label };
}

function noticeOf(request: FastifyRequest<{ Querystring: { fait?: string } }>): string | null {
  const fait = request.query.fait;
  return fait !== undefined && Object.hasOwn(NOTICES, fait) ? NOTICES[fait]! : null;
}

function problem(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply
    .code(status)
    .header("cache-control", "private, no-store")
    .type("application/problem+json; charset=utf-8")
    .send({ status, ...body });
}

function conflictUrl(id: number, c: SaveConflict): string {
  return `/admin/contenus/${id}/conflit/${c.revisionId}`;
}

export async function contentAdminRoutes(app: FastifyInstance) {
  const deps = () => app.deps;

  app.get<{ Querystring: Record<string, string | undefined> }>(
    "/admin/contenus",
    { preHandler: requireStaff("content.read"), schema: { querystring: listQuery } },
    async (request, reply) =>
      serveAdminPage(request, reply, async () => {
        const data = await pages.loadList(deps(), editorActor(request), pages.parseListQuery(request.query));
        return { render: (ctx, actor) => <ContentListPage ctx={ctx} actor={actor} data={data} /> };
      }),
  );

  /** The edit page; shown again after refused input (400) or for the hero picker's search. */
  const editPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { id: number } | { kind: "article" | "page" },
    o: pages.EditOverrides & { status?: number },
  ) =>
    serveAdminPage(request, reply, async () => {
      const data = await pages.loadEdit(deps(), editorActor(request), target, o);
      return { status: o.status ?? 200, render: (ctx, a) => <ContentEditPage ctx={ctx} actor={a} data={data} /> };
    });

  // ---- Create
  const kindQuery = queryOf({ type: text(20) });
  type NewRoute = { Querystring: { type?: string }; Body: RawForm };
  const kindOf = (request: FastifyRequest<NewRoute>) => (request.query.type === "page" ? "page" : "article");

  app.get<NewRoute>("/admin/contenus/nouveau", { preHandler: requireStaff("content.create"), schema: { querystring: kindQuery } }, async (request, reply) =>
    editPage(request, reply, { kind: kindOf(request) }, {}),
  );

  app.post<NewRoute>(
    "/admin/contenus/nouveau",
    { preHandler: requireStaff("content.create"), schema: { querystring: kindQuery, body: contentBody } },
    async (request, reply) => {
      const kind = kindOf(request);
      const body = request.body ?? {};
      const imageSearch = imageSearchOf(body);
      if (imageSearch !== null) return editPage(request, reply, { kind }, { values: formValues(body), imageSearch });
      return handleForm<{ id: number }, ContentFormValues>(
        () => service.createItem(deps(), editorActor(request), kind, body),
        ({ id }) => reply.redirect(`/admin/contenus/${id}?fait=cree`, 303),
        ({ errors, values, status }) => editPage(request, reply, { kind }, { values: values ?? formValues(body), errors, status }),
      );
    },
  );

  // ---- Edit
  app.get<IdRoute & { Querystring: { fait?: string } }>(
    "/admin/contenus/:id",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, querystring: noticeQuery } },
    async (request, reply) => editPage(request, reply, { id: Number(request.params.id) }, { notice: noticeOf(request) }),
  );

  const renderConflict = (request: FastifyRequest, reply: FastifyReply, id: number, revisionId: number, status: number) =>
    serveAdminPage(request, reply, async () => {
      const data = await pages.loadConflict(deps(), editorActor(request), id, revisionId);
      return { status, render: (ctx, actor) => <ConflictPage ctx={ctx} actor={actor} data={data} /> };
    });

  app.post<IdRoute & { Body: RawForm }>(
    "/admin/contenus/:id",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, body: contentBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const body = request.body ?? {};
      // Shown again, the form keeps the version it was loaded with: the next save still detects
      // someone else's change meanwhile.
      const version = parseVersion(body) ?? undefined;
      const imageSearch = imageSearchOf(body);
      if (imageSearch !== null) return editPage(request, reply, { id }, { values: formValues(body), imageSearch, version });
      return handleForm<service.SaveResult, ContentFormValues>(
        () => service.saveItem(deps(), editorActor(request), id, body),
        (result) =>
          result.kind === "conflict"
            ? renderConflict(request, reply, id, result.revisionId, 409)
            : reply.redirect(`/admin/contenus/${id}?fait=${result.status === "published" ? "enregistre-en-ligne" : "enregistre"}`, 303),
        ({ errors, values, status }) => editPage(request, reply, { id }, { values: values ?? formValues(body), errors, version, status }),
      );
    },
  );

  // Autosave (the editor script): JSON in the shape agreed with src/client/admin/content.ts.
  app.post<IdRoute & { Body: RawForm }>(
    "/admin/contenus/:id/brouillon",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, body: contentBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      try {
        const result = await service.saveItem(deps(), editorActor(request), id, request.body ?? {}, { autosave: true });
        if (result.kind === "conflict") {
          return problem(reply, 409, {
            type: "urn:portail:probleme:conflit-de-version",
            title: "Modifié par une autre personne",
            detail: `Ce contenu a été modifié par ${result.savedBy ?? "une autre personne"} le ${formatDateTime(result.savedAt)}. Votre texte n’a pas été appliqué ; il est conservé dans l’historique.`,
            conflictUrl: conflictUrl(id, result),
          });
        }
        const time = formatDateTime(result.savedAt).split(" à ")[1] ?? "";
        reply.header("cache-control", "private, no-store");
        return { version: result.version, savedAt: result.savedAt.toISOString(), message: `Brouillon enregistré à ${time}` };
      } catch (error) {
        if (error instanceof ValidationError) {
          return problem(reply, 400, {
            type: "urn:portail:probleme:formulaire-invalide",
            title: "Le formulaire contient des erreurs",
            detail: Object.values(error.fields).join(" "),
            errors: error.fields,
          });
        }
        if (error instanceof AutosaveRefusedError) {
          return problem(reply, 422, {
            type: "urn:portail:probleme:enregistrement-automatique-indisponible",
            title: "Enregistrement automatique indisponible",
            detail: error.detail,
          });
        }
        throw error;
      }
    },
  );

  app.get<{ Params: { id: string; rid: string } }>(
    "/admin/contenus/:id/conflit/:rid",
    { preHandler: requireStaff("content.read"), schema: { params: revisionParams, querystring: noQuery } },
    async (request, reply) => renderConflict(request, reply, Number(request.params.id), Number(request.params.rid), 200),
  );

  // ---- Workflow
  for (const { path, action } of ACTION_ROUTES) {
    const permission = action === "submit" ? "content.read" : service.WORKFLOW_PERMISSION[action];
    app.post<IdRoute & { Body: RawForm }>(
      `/admin/contenus/:id/${path}`,
      { preHandler: requireStaff(permission), schema: { params: idParams, body: actionBody } },
      async (request, reply) => {
        const id = Number(request.params.id);
        // Only scheduling refuses input (date and time): the form comes back with them.
        return handleForm<Awaited<ReturnType<typeof service.runWorkflow>>, { date: string; time: string }>(
          () => service.runWorkflow(deps(), editorActor(request), id, action, request.body ?? {}),
          (result) => {
            const fait = {
              submit: "soumis",
              publish: "publie",
              schedule: "programme",
              unpublish: result.from === "scheduled" ? "deprogramme" : "depublie",
              archive: "archive",
            }[action];
            return reply.redirect(result.noop ? `/admin/contenus/${id}` : `/admin/contenus/${id}?fait=${fait}`, 303);
          },
          ({ errors, values, status }) =>
            editPage(request, reply, { id }, { schedule: { date: values?.date ?? "", time: values?.time ?? "", errors }, status }),
        );
      },
    );
  }

  const deletePage = (request: FastifyRequest<IdRoute>, reply: FastifyReply, errors: Record<string, string>) =>
    serveAdminPage(request, reply, async () => {
      const item = await pages.loadDelete(deps(), Number(request.params.id));
      return {
        status: Object.keys(errors).length ? 400 : 200,
        render: (ctx, actor) => <DeletePage ctx={ctx} actor={actor} item={item} errors={errors} />,
      };
    });

  app.get<IdRoute>(
    "/admin/contenus/:id/supprimer",
    { preHandler: requireStaff("content.delete"), schema: { params: idParams, querystring: noQuery } },
    async (request, reply) => deletePage(request, reply, {}),
  );

  app.post<IdRoute & { Body: RawForm }>(
    "/admin/contenus/:id/supprimer",
    { preHandler: requireStaff("content.delete"), schema: { params: idParams, body: actionBody } },
    async (request, reply) =>
      handleForm(
        () => service.deleteItem(deps(), editorActor(request), Number(request.params.id), request.body ?? {}),
        () => reply.redirect("/admin/contenus", 303),
        ({ errors }) => deletePage(request, reply, errors),
      ),
  );

  // ---- Revisions
  app.get<IdRoute & { Querystring: { de?: string; a?: string } }>(
    "/admin/contenus/:id/revisions",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, querystring: queryOf({ de: text(12), a: text(12) }) } },
    async (request, reply) =>
      serveAdminPage(request, reply, async () => {
        const data = await pages.loadRevisions(deps(), editorActor(request), Number(request.params.id), request.query);
        return { render: (ctx, actor) => <RevisionsPage ctx={ctx} actor={actor} data={data} /> };
      }),
  );

  app.post<{ Params: { id: string; rid: string }; Body: RawForm }>(
    "/admin/contenus/:id/revisions/:rid/restaurer",
    { preHandler: requireStaff("content.read"), schema: { params: revisionParams, body: actionBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      try {
        await service.restoreItemRevision(deps(), editorActor(request), id, Number(request.params.rid), request.body ?? {});
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // Saved again meanwhile: show the history as it is now rather than restoring blindly.
        return serveAdminPage(request, reply, async () => {
          const data = await pages.loadRevisions(deps(), editorActor(request), id, {});
          data.errors = { version: "Ce contenu a été enregistré entre-temps : vérifiez les versions ci-dessous avant de restaurer." };
          return { status: 409, render: (ctx, actor) => <RevisionsPage ctx={ctx} actor={actor} data={data} /> };
        });
      }
      return reply.redirect(`/admin/contenus/${id}?fait=restaure`, 303);
    },
  );

  // ---- Previews: the public page's own loader and view, whatever the status; never cached
  // (private), never indexed.
  const servePreview = (request: FastifyRequest, reply: FastifyReply, itemId: () => Promise<number>) =>
    servePage(request, reply, async () => {
      const item = await getItemPreview(deps(), await itemId());
      return { tags: [], private: true, render: (ctx) => <ItemPage ctx={ctx} item={item} preview={{ status: STATUS_LABELS[item.status] }} /> };
    });

  app.get<IdRoute>(
    "/admin/contenus/:id/apercu",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, querystring: noQuery } },
    async (request, reply) => {
      staffActor(request);
      reply.header("x-robots-tag", "noindex, nofollow");
      return servePreview(request, reply, async () => Number(request.params.id));
    },
  );

  app.post<IdRoute>(
    "/admin/contenus/:id/lien-apercu",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, body: emptyForm } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const link = await previewLinks.createPreviewLink(deps(), editorActor(request), id);
      // Shown once, on this response: only its hash is stored.
      return editPage(request, reply, { id }, { previewLink: { url: `${app.deps.config.publicUrl}/apercu/${link.token}`, expiresAt: link.expiresAt } });
    },
  );

  app.post<IdRoute>(
    "/admin/contenus/:id/lien-apercu/revoquer",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, body: emptyForm } },
    async (request, reply) => {
      const id = Number(request.params.id);
      await previewLinks.revokePreviewLink(deps(), editorActor(request), id);
      return reply.redirect(`/admin/contenus/${id}?fait=lien-revoque`, 303);
    },
  );

  // A shared preview: anyone holding the link, no account.
  app.get<{ Params: { token: string } }>(
    "/apercu/:token",
    { schema: { params: { type: "object", required: ["token"], properties: { token: { type: "string", maxLength: 64 } } }, querystring: noQuery } },
    async (request, reply) => {
      reply.header("x-robots-tag", "noindex, nofollow").header("referrer-policy", "no-referrer");
      return servePreview(request, reply, () => previewLinks.findPreviewItem(deps(), request.params.token));
    },
  );
}
