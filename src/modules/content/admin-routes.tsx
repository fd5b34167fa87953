// Back-office routes of the content module (under /admin, behind registerAdminGuard),
// plus the private preview links (/apercu/:token), which work without an account.
// Routes stay thin: parse, call one service function, render or redirect. Every route
// declares its action (requireStaff); per-item rules (own drafts) live in the service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, NotFoundError, ValidationError } from "../../core/errors.js";
import { servePage } from "../../core/http/render.js";
import { serveAdminPage, requireStaff, staffActor } from "../admin/index.js";
import * as pages from "./admin/pages.js";
import { previewItem } from "./admin/preview.js";
import * as service from "./admin/service.js";
import { AutosaveRefusedError, ContentFormError, type EditorActor, type SaveConflict, type WorkflowAction } from "./admin/service.js";
import { parseSchedule, type RawForm } from "./admin/validate.js";
import { ContentEditPage } from "./admin/views/edit.js";
import { ConflictPage, DeletePage, RevisionsPage } from "./admin/views/history.js";
import { ContentListPage } from "./admin/views/list.js";
import { formatDateTime } from "../../lib/format.js";
import { ItemPage } from "./views/item.js";
import { STATUS_LABELS } from "./admin/views/common.js";
import * as previewLinks from "./admin/preview-links.js";
import { formValues } from "./admin/validate.js";

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

const short = { type: "string", maxLength: 1000 } as const;
const idList = { type: "array", maxItems: 200, items: { type: "string", maxLength: 12 } } as const;

/** The edit form's body: only these fields are read; anything else is dropped. */
const contentBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    _csrf: short,
    version: short,
    title: short,
    slug: short,
    standfirst: { type: "string", maxLength: 5000 },
    body: { type: "string", maxLength: 400_000 },
    themes: idList,
    neighbourhoods: idList,
    hero: short,
    parent: short,
    related1: short,
    related2: short,
    related3: short,
    image_q: short,
    chercher_images: short,
  },
} as const;

/** The version a posted form was loaded with. */
function postedVersion(body: RawForm | undefined): number | undefined {
  const v = body?.version;
  return typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

/** "Chercher" in the hero picker: show the form again with the typed values, save nothing. */
function imageSearchOf(body: RawForm | undefined): string | null {
  if (!body || body.chercher_images !== "1") return null;
  return typeof body.image_q === "string" ? body.image_q.trim().slice(0, 100) : "";
}

const actionBody = {
  type: "object",
  additionalProperties: false,
  properties: { _csrf: short, version: short, date: short, time: short, confirm: short },
} as const;

const listQuery = {
  type: "object",
  additionalProperties: false,
  properties: Object.fromEntries(["q", "type", "statut", "theme", "quartier", "auteur", "tri", "page"].map((k) => [k, { type: "string", maxLength: 200 }])),
} as const;

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

function noticeOf(request: FastifyRequest): string | null {
  const fait = (request.query as { fait?: unknown } | undefined)?.fait;
  return typeof fait === "string" ? (NOTICES[fait] ?? null) : null;
}

function problem(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply.code(status).header("cache-control", "private, no-store").type("application/problem+json; charset=utf-8").send({ status, ...body });
}

function conflictUrl(id: number, c: SaveConflict): string {
  return `/admin/contenus/${id}/conflit/${c.revisionId}`;
}

export async function contentAdminRoutes(app: FastifyInstance) {
  const deps = () => app.deps;

  app.get<{ Querystring: Record<string, string | undefined> }>("/admin/contenus", { preHandler: requireStaff("content.read"), schema: { querystring: listQuery } }, async (request, reply) =>
    serveAdminPage(request, reply, async () => {
      const data = await pages.loadList(deps(), editorActor(request), pages.parseListQuery(request.query));
      return { render: (ctx, actor) => <ContentListPage ctx={ctx} actor={actor} data={data} /> };
    }),
  );

  // ---- Create
  const kindQuery = { type: "object", properties: { type: { type: "string", maxLength: 20 } } } as const;
  type NewRoute = { Querystring: { type?: string }; Body: RawForm };
  const kindOf = (request: FastifyRequest<NewRoute>) => (request.query.type === "page" ? "page" : "article");

  app.get<NewRoute>("/admin/contenus/nouveau", { preHandler: requireStaff("content.create"), schema: { querystring: kindQuery } }, async (request, reply) =>
    serveAdminPage(request, reply, async () => {
      const data = await pages.loadEdit(deps(), editorActor(request), { kind: kindOf(request) });
      return { render: (ctx, actor) => <ContentEditPage ctx={ctx} actor={actor} data={data} /> };
    }),
  );

  app.post<NewRoute>("/admin/contenus/nouveau", { preHandler: requireStaff("content.create"), schema: { querystring: kindQuery, body: contentBody } }, async (request, reply) => {
    const actor = editorActor(request);
    const kind = kindOf(request);
    const imageSearch = imageSearchOf(request.body);
    if (imageSearch !== null) {
      return serveAdminPage(request, reply, async () => {
        const data = await pages.loadEdit(deps(), actor, { kind }, { values: formValues(request.body ?? {}), imageSearch });
        return { render: (ctx, a) => <ContentEditPage ctx={ctx} actor={a} data={data} /> };
      });
    }
    try {
      const { id } = await service.createItem(deps(), actor, kind, request.body ?? {});
      return reply.redirect(`/admin/contenus/${id}?fait=cree`, 303);
    } catch (error) {
      if (!(error instanceof ContentFormError)) throw error;
      return serveAdminPage(request, reply, async () => {
        const data = await pages.loadEdit(deps(), actor, { kind }, { values: error.values, errors: error.fields });
        return { status: 400, render: (ctx, a) => <ContentEditPage ctx={ctx} actor={a} data={data} /> };
      });
    }
  });

  // ---- Edit
  app.get<IdRoute>("/admin/contenus/:id", { preHandler: requireStaff("content.read"), schema: { params: idParams } }, async (request, reply) =>
    serveAdminPage(request, reply, async () => {
      const data = await pages.loadEdit(deps(), editorActor(request), { id: Number(request.params.id) }, { notice: noticeOf(request) });
      return { render: (ctx, actor) => <ContentEditPage ctx={ctx} actor={actor} data={data} /> };
    }),
  );

  const renderConflict = (request: FastifyRequest, reply: FastifyReply, id: number, revisionId: number, status: number) =>
    serveAdminPage(request, reply, async () => {
      const data = await pages.loadConflict(deps(), editorActor(request), id, revisionId);
      return { status, render: (ctx, actor) => <ConflictPage ctx={ctx} actor={actor} data={data} /> };
    });

  app.post<IdRoute & { Body: RawForm }>("/admin/contenus/:id", { preHandler: requireStaff("content.read"), schema: { params: idParams, body: contentBody } }, async (request, reply) => {
    const id = Number(request.params.id);
    const actor = editorActor(request);
    const imageSearch = imageSearchOf(request.body);
    if (imageSearch !== null) {
      return serveAdminPage(request, reply, async () => {
        const data = await pages.loadEdit(deps(), actor, { id }, { values: formValues(request.body ?? {}), imageSearch, version: postedVersion(request.body) });
        return { render: (ctx, a) => <ContentEditPage ctx={ctx} actor={a} data={data} /> };
      });
    }
    try {
      const result = await service.saveItem(deps(), actor, id, request.body ?? {});
      if (result.kind === "conflict") return renderConflict(request, reply, id, result.revisionId, 409);
      const row = await app.deps.db.selectFrom("content_items").select("status").where("id", "=", id).executeTakeFirst();
      return reply.redirect(`/admin/contenus/${id}?fait=${row?.status === "published" ? "enregistre-en-ligne" : "enregistre"}`, 303);
    } catch (error) {
      if (!(error instanceof ContentFormError)) throw error;
      return serveAdminPage(request, reply, async () => {
        const data = await pages.loadEdit(deps(), actor, { id }, { values: error.values, errors: error.fields, version: postedVersion(request.body) });
        return { status: 400, render: (ctx, a) => <ContentEditPage ctx={ctx} actor={a} data={data} /> };
      });
    }
  });

  // Autosave (the editor script): JSON in the shape agreed with src/client/admin/content.ts.
  app.post<IdRoute & { Body: RawForm }>("/admin/contenus/:id/brouillon", { preHandler: requireStaff("content.read"), schema: { params: idParams, body: contentBody } }, async (request, reply) => {
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
      if (error instanceof ContentFormError) {
        return problem(reply, 400, { type: "urn:portail:probleme:formulaire-invalide", title: "Le formulaire contient des erreurs", detail: Object.values(error.fields).join(" "), errors: error.fields });
      }
      if (error instanceof AutosaveRefusedError) {
        return problem(reply, 422, { type: "urn:portail:probleme:enregistrement-automatique-indisponible", title: "Enregistrement automatique indisponible", detail: error.detail });
      }
      throw error;
    }
  });

  app.get<{ Params: { id: string; rid: string } }>("/admin/contenus/:id/conflit/:rid", { preHandler: requireStaff("content.read"), schema: { params: revisionParams } }, async (request, reply) =>
    renderConflict(request, reply, Number(request.params.id), Number(request.params.rid), 200),
  );

  // ---- Workflow
  for (const { path, action } of ACTION_ROUTES) {
    const permission = action === "submit" ? "content.read" : service.WORKFLOW_PERMISSION[action];
    app.post<IdRoute & { Body: RawForm }>(`/admin/contenus/:id/${path}`, { preHandler: requireStaff(permission), schema: { params: idParams, body: actionBody } }, async (request, reply) => {
      const id = Number(request.params.id);
      const actor = editorActor(request);
      try {
        const before = await app.deps.db.selectFrom("content_items").select("status").where("id", "=", id).executeTakeFirst();
        const result = await service.runWorkflow(deps(), actor, id, action, request.body ?? {});
        const fait = { submit: "soumis", publish: "publie", schedule: "programme", unpublish: before?.status === "scheduled" ? "deprogramme" : "depublie", archive: "archive" }[action];
        return reply.redirect(result.noop ? `/admin/contenus/${id}` : `/admin/contenus/${id}?fait=${fait}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError) || action !== "schedule") throw error;
        const schedule = parseSchedule(request.body ?? {}, app.deps.now());
        return serveAdminPage(request, reply, async () => {
          const data = await pages.loadEdit(deps(), actor, { id }, { schedule: { ...schedule.values, errors: error.fields } });
          return { status: 400, render: (ctx, a) => <ContentEditPage ctx={ctx} actor={a} data={data} /> };
        });
      }
    });
  }

  const deletePage = (request: FastifyRequest<IdRoute>, reply: FastifyReply, errors: Record<string, string>) =>
    serveAdminPage(request, reply, async () => {
      const row = await app.deps.db.selectFrom("content_items").select(["id", "title", "status"]).where("id", "=", Number(request.params.id)).executeTakeFirst();
      if (!row) throw new NotFoundError();
      return {
        status: Object.keys(errors).length ? 400 : 200,
        render: (ctx, actor) => <DeletePage ctx={ctx} actor={actor} item={{ id: row.id, title: row.title, published: row.status === "published" }} errors={errors} />,
      };
    });

  app.get<IdRoute>("/admin/contenus/:id/supprimer", { preHandler: requireStaff("content.delete"), schema: { params: idParams } }, async (request, reply) => deletePage(request, reply, {}));

  app.post<IdRoute & { Body: RawForm }>("/admin/contenus/:id/supprimer", { preHandler: requireStaff("content.delete"), schema: { params: idParams, body: actionBody } }, async (request, reply) => {
    if ((request.body as { confirm?: string } | undefined)?.confirm !== "oui") return deletePage(request, reply, { confirm: "Confirmez la suppression avec le bouton « Supprimer définitivement »." });
    try {
      await service.deleteItem(deps(), editorActor(request), Number(request.params.id));
    } catch (error) {
      if (error instanceof ValidationError) return deletePage(request, reply, error.fields);
      throw error;
    }
    return reply.redirect("/admin/contenus", 303);
  });

  // ---- Revisions
  app.get<IdRoute & { Querystring: { de?: string; a?: string } }>(
    "/admin/contenus/:id/revisions",
    { preHandler: requireStaff("content.read"), schema: { params: idParams, querystring: { type: "object", properties: { de: { type: "string", maxLength: 12 }, a: { type: "string", maxLength: 12 } } } } },
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

  // ---- Previews
  app.get<IdRoute>("/admin/contenus/:id/apercu", { preHandler: requireStaff("content.read"), schema: { params: idParams } }, async (request, reply) => {
    staffActor(request);
    reply.header("x-robots-tag", "noindex, nofollow");
    return servePage(request, reply, async () => {
      const item = await previewItem(app.deps.db, Number(request.params.id), app.deps.now());
      return { tags: [], private: true, render: (ctx) => <ItemPage ctx={ctx} item={item} preview={{ status: STATUS_LABELS[item.status] }} /> };
    });
  });

  app.post<IdRoute>("/admin/contenus/:id/lien-apercu", { preHandler: requireStaff("content.read"), schema: { params: idParams, body: actionBody } }, async (request, reply) => {
    const id = Number(request.params.id);
    const actor = editorActor(request);
    const link = await previewLinks.createPreviewLink(deps(), actor, id);
    // Shown once, on this response: only its hash is stored.
    return serveAdminPage(request, reply, async () => {
      const data = await pages.loadEdit(deps(), actor, { id }, { previewLink: { url: `${app.deps.config.publicUrl}/apercu/${link.token}`, expiresAt: link.expiresAt } });
      return { render: (ctx, a) => <ContentEditPage ctx={ctx} actor={a} data={data} /> };
    });
  });

  app.post<IdRoute>("/admin/contenus/:id/lien-apercu/revoquer", { preHandler: requireStaff("content.read"), schema: { params: idParams, body: actionBody } }, async (request, reply) => {
    const id = Number(request.params.id);
    await previewLinks.revokePreviewLink(deps(), editorActor(request), id);
    return reply.redirect(`/admin/contenus/${id}?fait=lien-revoque`, 303);
  });

  // A shared preview: anyone holding the link, no account; never cached, never indexed.
  app.get<{ Params: { token: string } }>(
    "/apercu/:token",
    { schema: { params: { type: "object", required: ["token"], properties: { token: { type: "string", maxLength: 64 } } } } },
    async (request, reply) => {
      reply.header("x-robots-tag", "noindex, nofollow").header("referrer-policy", "no-referrer");
      return servePage(request, reply, async () => {
        const id = await previewLinks.findPreviewItem(deps(), request.params.token);
        const item = await previewItem(app.deps.db, id, app.deps.now());
        return { tags: [], private: true, render: (ctx) => <ItemPage ctx={ctx} item={item} preview={{ status: STATUS_LABELS[item.status] }} /> };
      });
    },
  );
}
