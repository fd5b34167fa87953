import type { FastifyInstance } from "fastify";

// Open data pages, exports and read-only API: see the module's README in docs.
export async function openDataRoutes(_app: FastifyInstance) {}
