import type { FastifyInstance } from "fastify";
import { apiRoutes } from "./api-routes.js";
import { fileRoutes } from "./file-routes.js";
import { pageRoutes } from "./page-routes.js";

// Open data: the /donnees pages, the downloadable files, and the read-only JSON API under
// /api/v1 (its own scope: CORS header and parameter errors apply to it alone).
export async function openDataRoutes(app: FastifyInstance) {
  await app.register(pageRoutes);
  await app.register(fileRoutes);
  await app.register(apiRoutes, { prefix: "/api/v1" });
}
