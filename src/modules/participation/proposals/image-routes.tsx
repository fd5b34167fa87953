// The image of an idea: its author adds one (or replaces it) while the city has not answered.
// The form is multipart, registered in this plugin's own scope (like the media library's upload):
// media's readUploadForm checks the CSRF token (first part) before anything else is read and
// streams the file to a temp file under the media byte cap, then the media pipeline re-encodes it.
import path from "node:path";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../core/errors.js";
import { formBody, handleForm, line, noQuery, type Refused } from "../../../core/http/form.js";
import { servePage } from "../../../core/http/render.js";
import { requireSession } from "../../accounts/index.js";
import { MAX_UPLOAD_BYTES, readUploadForm } from "../../media/index.js";
import { presentProposal, proposalPath } from "./present.js";
import * as q from "./queries.js";
import { participantOf } from "./routes.js";
import * as service from "./service.js";
import { ImagePage } from "./views/image.js";

const idParams = { type: "object", properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,8}$" } }, required: ["id"] } as const;
/** A client that dropped the enctype posts urlencoded: answered with "choose an image". */
const imageBody = { content: { "application/x-www-form-urlencoded": { schema: formBody({ _csrf: line(200), alt: line(1000) }) } } } as const;

/** The image form: the shared upload reader (CSRF first, byte cap), then the alt text. */
async function readImageForm(request: FastifyRequest, tmpDir: string): Promise<service.ImageInput> {
  const { tmpFile, originalName, fields, fileError } = await readUploadForm(request, tmpDir, ["alt"]);
  return { tmpFile, originalName, alt: (fields.alt ?? "").slice(0, 1000), ...(fileError ? { fileError } : {}) };
}

export async function proposalImageRoutes(app: FastifyInstance) {
  const deps = { db: app.deps.db, pageCache: app.deps.pageCache, now: () => app.deps.now(), mediaDir: app.deps.mediaDir };
  const tmpDir = path.join(path.dirname(app.deps.mediaDir), "tmp", "uploads");
  await app.register(multipart, {
    limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 4, fieldSize: 4 * 1024, parts: 6, headerPairs: 50 },
    throwFileSizeLimit: false,
  });

  const page = async (request: FastifyRequest, reply: Parameters<typeof servePage>[1], id: number, refused?: Refused<{ alt?: string }>) => {
    const session = request.session!;
    const row = await q.findProposal(deps.db, id);
    if (!row || row.author_id !== session.user.id || row.moderation === "hidden") throw new NotFoundError();
    const view = presentProposal(row);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status: refused?.status,
      render: (ctx) => <ImagePage ctx={ctx} p={view} values={refused?.values ?? {}} errors={refused?.errors ?? {}} />,
    }));
  };

  app.get<{ Params: { id: string } }>("/participation/idees/:id/image", { schema: { params: idParams, querystring: noQuery } }, async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    return page(request, reply, Number(request.params.id));
  });

  app.post<{ Params: { id: string } }>(
    "/participation/idees/:id/image",
    { config: { csrfInMultipartBody: true }, schema: { params: idParams, body: imageBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      // Nothing of an anonymous post is read; a multipart body only after its CSRF token is checked.
      if (!request.session) return reply.redirect("/compte/connexion", 303);
      const form = request.isMultipart() ? await readImageForm(request, tmpDir) : { tmpFile: null, originalName: "", alt: "" };
      const actor = participantOf(request)!;
      return handleForm(
        () => service.attachImage(deps, actor, id, form),
        async () => reply.redirect(`${proposalPath((await q.findProposal(deps.db, id))!)}?ok=image`, 303),
        (refused: Refused<{ alt?: string }>) => page(request, reply, id, refused),
      );
    },
  );
}
