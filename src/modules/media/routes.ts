// Serves generated image variants from DATA_DIR/media. File names are made by the
// server (random key + width + extension), so they are immutable and cached for a year.
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { noQuery } from "../../core/http/form.js";
import { etagMatches } from "../../core/http/page-cache.js";

const FILE_PATTERN = /^[a-z0-9-]{8,64}-\d{1,4}\.(avif|webp|jpg)$/;
const TYPES = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" } as const;

export async function mediaRoutes(app: FastifyInstance) {
  const dir = app.deps.mediaDir;
  app.get<{ Params: { file: string } }>("/medias/:file", { schema: { querystring: noQuery } }, async (request, reply) => {
    const { file } = request.params;
    const match = FILE_PATTERN.exec(file);
    if (!match) return reply.callNotFound();
    const full = path.join(dir, file);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(full);
    } catch {
      return reply.callNotFound();
    }
    const etag = `"${stat.size.toString(36)}-${stat.mtimeMs.toString(36)}"`;
    reply
      .header("content-type", TYPES[match[1] as keyof typeof TYPES])
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("etag", etag)
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("x-content-type-options", "nosniff");
    if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
    reply.header("content-length", stat.size);
    return reply.send(fs.createReadStream(full));
  });
}
