// The image of an idea: its author adds one (or replaces it) while the city has not answered.
// The form is multipart, registered in this plugin's own scope (like the media library's upload):
// the CSRF token is the first part and is checked before anything else is read, the file is
// streamed to a temp file under the media byte cap, then the media pipeline re-encodes it.
import fsp from "node:fs/promises";
import path from "node:path";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../core/errors.js";
import { CsrfError, verifyCsrfToken } from "../../../core/http/csrf.js";
import { formBody, handleForm, line, noQuery, type Refused } from "../../../core/http/form.js";
import { servePage } from "../../../core/http/render.js";
import { requireSession } from "../../accounts/index.js";
import { MAX_UPLOAD_BYTES, receiveUpload, UploadError, uploadErrors } from "../../media/index.js";
import { presentProposal, proposalPath } from "./present.js";
import * as q from "./queries.js";
import { participantOf } from "./routes.js";
import * as service from "./service.js";
import { ImagePage } from "./views/image.js";

const idParams = { type: "object", properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,8}$" } }, required: ["id"] } as const;
/** A client that dropped the enctype posts urlencoded: answered with "choose an image". */
const imageBody = { content: { "application/x-www-form-urlencoded": { schema: formBody({ _csrf: line(200), alt: line(1000) }) } } } as const;

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const chunk of stream) void chunk;
}

/** Reads the form: `_csrf` first (verified), then the file under the byte cap, then the alt text. */
async function readImageForm(request: FastifyRequest, tmpDir: string): Promise<service.ImageInput> {
  const form: service.ImageInput = { tmpFile: null, originalName: "", alt: "" };
  let first = true;
  try {
    for await (const part of request.parts()) {
      if (first) {
        first = false;
        if (part.type !== "field" || part.fieldname !== "_csrf") throw new CsrfError("token must be the first field");
        verifyCsrfToken(request, typeof part.value === "string" ? part.value : undefined);
        continue;
      }
      if (part.type === "file") {
        if (part.fieldname !== "fichier" || part.filename === "" || form.tmpFile || form.fileError) {
          await drain(part.file);
          continue;
        }
        form.originalName = part.filename;
        try {
          const received = await receiveUpload(part.file, { tmpDir, maxBytes: MAX_UPLOAD_BYTES });
          if (part.file.truncated) {
            await fsp.rm(received.path, { force: true });
            form.fileError = uploadErrors.tooLarge(MAX_UPLOAD_BYTES).message;
          } else if (received.bytes === 0) {
            await fsp.rm(received.path, { force: true });
            form.fileError = "Le fichier choisi est vide.";
          } else form.tmpFile = received.path;
        } catch (error) {
          if (!(error instanceof UploadError)) throw error;
          form.fileError = error.message;
        }
        continue;
      }
      if (part.fieldname === "alt" && typeof part.value === "string") form.alt = part.value.slice(0, 1000);
    }
    if (first) throw new CsrfError("empty multipart body");
  } catch (error) {
    if (form.tmpFile) await fsp.rm(form.tmpFile, { force: true });
    throw error;
  }
  return form;
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
