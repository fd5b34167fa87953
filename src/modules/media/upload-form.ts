// The multipart form of an image upload, read the one safe way: the first part must be `_csrf`
// and is verified before anything else is read; the file (field `fichier`) is streamed to
// `tmpDir` under a random name with the byte cap; a refused file (too large, empty, client
// gone) leaves nothing on disk. Used by the media library and by other modules' image forms
// (participation: the image of an idea).
import fsp from "node:fs/promises";
import type { FastifyRequest } from "fastify";
import { CsrfError, verifyCsrfToken } from "../../core/http/csrf.js";
import { UploadError, uploadErrors } from "./errors.js";
import { MAX_UPLOAD_BYTES, receiveUpload } from "./upload.js";

export interface UploadForm<K extends string> {
  /** The upload in a temp file (null: no file chosen, or refused: see fileError). */
  tmpFile: string | null;
  originalName: string;
  /** The text fields asked for, as sent (absent when not sent). */
  fields: Partial<Record<K, string>>;
  /** Why the file could not be taken (too large, empty), in French. */
  fileError?: string;
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const chunk of stream) void chunk;
}

export async function readUploadForm<K extends string>(request: FastifyRequest, tmpDir: string, textFields: readonly K[]): Promise<UploadForm<K>> {
  const form: UploadForm<K> = { tmpFile: null, originalName: "", fields: {} };
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
        // An empty file input is sent as a part with no name and no bytes.
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
      if ((textFields as readonly string[]).includes(part.fieldname) && typeof part.value === "string") {
        form.fields[part.fieldname as K] = part.value;
      }
    }
    if (first) throw new CsrfError("empty multipart body");
  } catch (error) {
    if (form.tmpFile) await fsp.rm(form.tmpFile, { force: true });
    throw error;
  }
  return form;
}
