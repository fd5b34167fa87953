// Security headers for every response. The CSP allows scripts and styles only from our
// own origin: no inline script or style, no nonce (pages are the same bytes for every
// anonymous visitor, so the page cache sends them untouched). JSON-LD blocks are data,
// never executed, and CSP does not apply to them.
//
// The headers do not depend on the request, so they are computed once, at start, by
// helmet itself (run against a stand-in response), and then set as one constant object:
// @fastify/helmet rebuilt the CSP string on every request (a tenth of a cached page's cost).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
import type { Config } from "../../config.js";

export function helmetOptions(https: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        manifestSrc: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Same-origin only: the share links open other sites in a new tab, which this allows.
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
  };
}

/** The headers helmet sets with these options, captured once. */
export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
    getHeader(name: string) {
      return headers[name.toLowerCase()];
    },
  };
  let ran = false;
  helmet(helmetOptions(https))({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    ran = true;
  });
  if (!ran) throw new Error("helmet did not finish synchronously");
  headers["permissions-policy"] = "camera=(), microphone=(), geolocation=(self), interest-cohort=()";
  return Object.freeze(headers) as Record<string, string>;
}

export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const headers = securityHeaders(config.publicUrl.startsWith("https://"));
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(headers);
  });
}
