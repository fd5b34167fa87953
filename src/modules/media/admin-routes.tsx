// Back-office routes of the media library (under /admin, behind registerAdminGuard).
// The upload form is multipart: @fastify/multipart is registered in this plugin only, and
// the upload route reads the body itself, CSRF token first (upload-form.ts, core/http/csrf.ts).
import path from "node:path";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { can } from "../../core/auth/roles.js";
import { NotFoundError } from "../../core/errors.js";
import { emptyForm, field, formBody, handleForm, noQuery, pageNumber, pageParam, queryOf, text } from "../../core/http/form.js";
import { requireStaff, serveAdminPage, staffActor, type StaffActor } from "../admin/index.js";
import { presentDetail, presentListItem } from "./admin-present.js";
import { findMedia, listMedia } from "./queries.js";
import { canEditMedia, deleteImage, updateImage, uploadImage, type DetailsInput, type MediaActor, type MediaDeps } from "./service.js";
import { MAX_UPLOAD_BYTES } from "./upload.js";
import { readUploadForm } from "./upload-form.js";
import { MediaError, mediaUsage } from "./usage.js";
import { MediaDeletePage, MediaDetailPage, MediaListPage, MediaNewPage, type FormValues } from "./views.js";

export const PAGE_SIZE = 24;
const TEXT_FIELDS = ["alt", "legende", "credit", "point_x", "point_y"] as const;

const NOTICES: Record<string, string> = {
  envoyee: "L’image a été ajoutée à la médiathèque.",
  enregistree: "Les modifications ont été enregistrées.",
  supprimee: "L’image a été supprimée.",
};

const listQuery = queryOf({ q: text(200), filtre: text(20), page: pageParam, statut: text(20) });
const idParams = { type: "object", required: ["id"], properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,8}$" } } } as const;
/** After a redirect, which notice the page shows ("?statut=enregistree"). */
const statusQuery = queryOf({ statut: text(20) });
/** The image's texts and focal point; lengths are checked again, in French, by the service. */
const detailsBody = formBody({ _csrf: text(200), alt: text(4000), legende: text(4000), credit: text(4000), point_x: text(4000), point_y: text(4000) });
/**
 * The upload form is multipart, which no body schema can describe: @fastify/multipart leaves
 * the body unparsed until the handler reads its parts (CSRF token first, then the file
 * streamed under a byte cap, see readUploadForm). A schema for one content type validates only
 * that type: the urlencoded post of a client that dropped the enctype (read by pickFields).
 */
const uploadBody = { content: { "application/x-www-form-urlencoded": { schema: detailsBody } } } as const;

type ListQ = { Querystring: { q?: string; filtre?: string; page?: string; statut?: string } };
type IdP = { Params: { id: string }; Querystring: { statut?: string } };
type EditP = { Params: { id: string }; Body: DetailsInput };

const emptyValues = (): FormValues => ({ alt: "", legende: "", credit: "", point_x: "50", point_y: "50" });

function valuesOf(input: DetailsInput): FormValues {
  return { alt: input.alt ?? "", legende: input.legende ?? "", credit: input.credit ?? "", point_x: input.point_x ?? "", point_y: input.point_y ?? "" };
}

function mediaActor(actor: StaffActor): MediaActor {
  return { id: actor.id, role: actor.role, label: actor.label };
}

export async function mediaAdminRoutes(app: FastifyInstance) {
  const deps: MediaDeps = { db: app.deps.db, mediaDir: app.deps.mediaDir, pageCache: app.deps.pageCache, now: app.deps.now };
  // Uploads are streamed here, next to the media folder (same disk), under random names.
  const tmpDir = path.join(path.dirname(app.deps.mediaDir), "tmp", "uploads");

  await app.register(multipart, {
    // One file; the byte cap is enforced while streaming (busboy stops at fileSize and
    // receiveUpload at MAX_UPLOAD_BYTES); the few text fields are small.
    limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 8, fieldSize: 8 * 1024, parts: 10, headerPairs: 50 },
    // Reported through file.truncated instead, so that the fields after the file are
    // still read and shown again with the error.
    throwFileSizeLimit: false,
  });

  async function loadDetail(request: FastifyRequest, id: number) {
    const actor = staffActor(request);
    const row = await findMedia(app.deps.db, id);
    if (!row) throw new NotFoundError("No such media");
    const uses = await mediaUsage(app.deps.db, id);
    return { row, uses, view: presentDetail(row, uses, { canEdit: canEditMedia(actor, row), canDelete: can(actor, "media.delete") }) };
  }

  // ---- list
  app.get<ListQ>("/admin/medias", { preHandler: requireStaff("media.upload"), schema: { querystring: listQuery } }, async (request, reply) => {
    const q = (request.query.q ?? "").trim();
    const incomplete = request.query.filtre === "a-completer";
    const page = pageNumber(request.query.page);
    const { rows, total } = await listMedia(app.deps.db, { q, incomplete, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pageCount) throw new NotFoundError();
    const items = rows.map(presentListItem);
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => (
        <MediaListPage
          ctx={ctx}
          actor={actor}
          items={items}
          total={total}
          page={page}
          pageCount={pageCount}
          q={q}
          incomplete={incomplete}
          notice={NOTICES[request.query.statut ?? ""]}
        />
      ),
    }));
  });

  // ---- upload
  app.get("/admin/medias/nouveau", { preHandler: requireStaff("media.upload"), schema: { querystring: noQuery } }, async (request, reply) =>
    serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <MediaNewPage ctx={ctx} actor={actor} values={emptyValues()} errors={{}} /> })),
  );

  app.post(
    "/admin/medias/nouveau",
    { preHandler: requireStaff("media.upload"), config: { csrfInMultipartBody: true }, schema: { body: uploadBody } },
    async (request, reply) => {
      const actor = mediaActor(staffActor(request));
      // A plain form post (a client that dropped the enctype) carries no file: the form comes back with that error.
      const form = request.isMultipart()
        ? await readUploadForm(request, tmpDir, TEXT_FIELDS)
        : { tmpFile: null, originalName: "", fields: pickFields(request.body) };
      return handleForm(
        () => uploadImage(deps, actor, form),
        (id) => reply.redirect(`/admin/medias/${id}?statut=envoyee`, 303),
        ({ errors, status }) =>
          serveAdminPage(request, reply, () => ({
            status,
            render: (ctx, a) => <MediaNewPage ctx={ctx} actor={a} values={valuesOf(form.fields)} errors={errors} />,
          })),
      );
    },
  );

  // ---- one image
  app.get<IdP>(
    "/admin/medias/:id",
    { preHandler: requireStaff("media.upload"), schema: { params: idParams, querystring: statusQuery } },
    async (request, reply) => {
      const { row, view } = await loadDetail(request, Number(request.params.id));
      const values: FormValues = {
        alt: row.alt,
        legende: row.caption,
        credit: row.credit,
        point_x: String(Math.round(row.focal_x * 100)),
        point_y: String(Math.round(row.focal_y * 100)),
      };
      return serveAdminPage(request, reply, () => ({
        render: (ctx, actor) => (
          <MediaDetailPage ctx={ctx} actor={actor} media={view} values={values} errors={{}} notice={NOTICES[request.query.statut ?? ""]} />
        ),
      }));
    },
  );

  app.post<EditP>(
    "/admin/medias/:id",
    { preHandler: requireStaff("media.upload"), schema: { params: idParams, body: detailsBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      return handleForm(
        () => updateImage(deps, mediaActor(staffActor(request)), id, request.body ?? {}),
        () => reply.redirect(`/admin/medias/${id}?statut=enregistree`, 303),
        async ({ errors, status }) => {
          const { view } = await loadDetail(request, id);
          return serveAdminPage(request, reply, () => ({
            status,
            render: (ctx, actor) => <MediaDetailPage ctx={ctx} actor={actor} media={view} values={valuesOf(request.body ?? {})} errors={errors} />,
          }));
        },
      );
    },
  );

  // ---- deletion
  app.get<IdP>(
    "/admin/medias/:id/supprimer",
    { preHandler: requireStaff("media.delete"), schema: { params: idParams, querystring: noQuery } },
    async (request, reply) => {
      const { view } = await loadDetail(request, Number(request.params.id));
      return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <MediaDeletePage ctx={ctx} actor={actor} media={view} /> }));
    },
  );

  app.post<IdP>(
    "/admin/medias/:id/supprimer",
    { preHandler: requireStaff("media.delete"), schema: { params: idParams, body: emptyForm } },
    async (request, reply) => {
      const id = Number(request.params.id);
      try {
        await deleteImage(deps, mediaActor(staffActor(request)), id);
        return reply.redirect("/admin/medias?statut=supprimee", 303);
      } catch (error) {
        if (!(error instanceof MediaError) || error.code !== "in_use") throw error;
        const { view } = await loadDetail(request, id);
        return serveAdminPage(request, reply, () => ({
          status: 409,
          render: (ctx, actor) => <MediaDeletePage ctx={ctx} actor={actor} media={view} refused={error.message} />,
        }));
      }
    },
  );
}

function pickFields(body: unknown): DetailsInput {
  return Object.fromEntries(TEXT_FIELDS.map((k) => [k, field(body, k)]));
}
