// pino options: JSON logs with request ids; secrets and personal data redacted.
import type { FastifyServerOptions } from "fastify";
import type { Config } from "../config.js";

export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.token",
  "*.email",
];

export function loggerOptions(config: Config): FastifyServerOptions["logger"] {
  if (config.logLevel === "silent") return false;
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
}
