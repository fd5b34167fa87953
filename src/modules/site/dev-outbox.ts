// Development outbox: without SMTP_URL, e-mails are written to DATA_DIR/outbox and listed
// here. They hold live reset and verification links, so the page is for the developer's
// own machine only: never in production, and only to a TCP peer on the loopback
// interface. The socket address is checked, not request.ip: with TRUST_PROXY, request.ip
// comes from X-Forwarded-For, which a client can write.
import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { noQuery } from "../../core/http/form.js";
import { isLoopbackAddress } from "../../lib/net.js";

export function devOutboxRoutes(app: FastifyInstance) {
  if (app.deps.config.nodeEnv === "production" || app.deps.mailer.kind !== "outbox") return;
  const outbox = path.join(app.deps.config.dataDir, "outbox");
  app.get("/dev/outbox", { schema: { querystring: noQuery } }, async (request, reply) => {
    // Elsewhere the page does not exist: the same 404 as any unknown address.
    if (!isLoopbackAddress(request.socket.remoteAddress)) return reply.callNotFound();
    const files = (await fs.readdir(outbox).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .reverse()
      .slice(0, 50);
    const items = await Promise.all(files.map(async (f) => ({ f, text: await fs.readFile(path.join(outbox, f), "utf8") })));
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const body = items.map(({ f, text }) => `<details><summary>${esc(f)}</summary><pre>${esc(text)}</pre></details>`).join("");
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-robots-tag", "noindex")
      .send(
        `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Boîte d’envoi (développement)</title><main><h1>Boîte d’envoi (développement)</h1>${body || "<p>Aucun message.</p>"}</main></html>`,
      );
  });
}
