// The only reader of process.env. Validated once at boot so a bad value fails fast
// with a message that names the variable, instead of surfacing later as a strange bug.
import net from "node:net";
import path from "node:path";

export type NodeEnv = "development" | "production" | "test";

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  dataDir: string;
  /** When set, a PostgreSQL server is used instead of the embedded PGlite database. */
  databaseUrl: string | null;
  /** Absolute origin used in Open Graph tags, canonical URLs, feeds and e-mails, without trailing slash. */
  publicUrl: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Seed the demo dataset when the database is empty at start (default: not in production). */
  seedOnEmpty: boolean;
  /**
   * Which X-Forwarded-* senders to believe (Fastify's trustProxy): false (none), a hop
   * count, or the proxies' addresses/CIDRs. Never "everyone", or any client picks its IP.
   */
  trustProxy: TrustProxy;
  /** smtp(s)://user:pass@host:port; unset in development: messages go to DATA_DIR/outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Base URL of a geocoder speaking the Base Adresse Nationale search format; null: no address search. */
  geocoderUrl: string | null;
  /** Bearer token for GET /metrics; null: /metrics answers loopback clients only. */
  metricsToken: string | null;
  /** Server processes sharing the port (node:cluster); more than one needs DATABASE_URL. */
  webConcurrency: number;
  /** Run the job queue, the period scheduler and housekeeping in this process (false when `npm run worker` runs them). */
  jobsInProcess: boolean;
  /** How long an idle job worker waits before looking for due jobs again (JOBS_POLL_MS). */
  jobsPollMs: number;
  /** Pages the anonymous page cache holds (PAGE_CACHE_ENTRIES); 0 stores none (the bench's cache-miss run). */
  pageCacheEntries: number;
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? "development") as NodeEnv;
  if (!["development", "production", "test"].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${env.NODE_ENV}")`);
  }

  let port = 3000;
  if (env.PORT !== undefined && env.PORT !== "") {
    port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      problems.push(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
    }
  }

  const host = env.HOST || (nodeEnv === "production" ? "0.0.0.0" : "127.0.0.1");

  const dataDir = path.resolve(env.DATA_DIR || "./data");

  let databaseUrl: string | null = null;
  if (env.DATABASE_URL) {
    try {
      const u = new URL(env.DATABASE_URL);
      if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") {
        problems.push(`DATABASE_URL must start with postgres:// or postgresql:// (got "${u.protocol}")`);
      }
      databaseUrl = env.DATABASE_URL;
    } catch {
      problems.push("DATABASE_URL is not a valid URL");
    }
  }

  let publicUrl = `http://localhost:${port}`;
  if (env.PUBLIC_URL) {
    try {
      const u = new URL(env.PUBLIC_URL);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
      if (u.pathname !== "/" || u.search || u.hash) {
        problems.push("PUBLIC_URL must be an origin without path, query or fragment (e.g. https://www.ville.fr)");
      }
      publicUrl = u.origin;
    } catch {
      problems.push(`PUBLIC_URL must be an absolute http(s) URL (got "${env.PUBLIC_URL}")`);
    }
  } else if (nodeEnv === "production") {
    problems.push("PUBLIC_URL is required in production (absolute URLs in Open Graph tags and e-mails)");
  }

  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === "test" ? "silent" : "info")) as Config["logLevel"];
  if (!levels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${levels.join(", ")}`);

  // The demo is fictional: an empty production database must stay empty unless asked for.
  const seedOnEmpty =
    env.SEED_ON_EMPTY === undefined || env.SEED_ON_EMPTY === "" ? nodeEnv !== "production" : parseBool(env.SEED_ON_EMPTY, "SEED_ON_EMPTY", problems);

  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);

  let smtpUrl: string | null = null;
  if (env.SMTP_URL) {
    try {
      const u = new URL(env.SMTP_URL);
      if (u.protocol !== "smtp:" && u.protocol !== "smtps:") throw new Error("protocol");
      smtpUrl = env.SMTP_URL;
    } catch {
      problems.push("SMTP_URL must look like smtp://user:password@host:587 or smtps://...");
    }
  } else if (nodeEnv === "production") {
    problems.push("SMTP_URL is required in production (verification and password e-mails)");
  }
  let mailHost = "localhost";
  try {
    mailHost = new URL(publicUrl).hostname;
  } catch {
    // PORT or PUBLIC_URL is already reported above.
  }
  const mailFrom = env.MAIL_FROM || `Portail <ne-pas-repondre@${mailHost}>`;
  if (/[\r\n]/.test(mailFrom)) problems.push("MAIL_FROM must be a single line");

  let geocoderUrl: string | null = null;
  if (env.GEOCODER_URL) {
    try {
      const u = new URL(env.GEOCODER_URL);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
      geocoderUrl = env.GEOCODER_URL.replace(/\/+$/, "");
    } catch {
      problems.push("GEOCODER_URL must be an http(s) URL, e.g. https://api-adresse.data.gouv.fr");
    }
  }

  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken !== null && metricsToken.length < 24) problems.push("METRICS_TOKEN must be at least 24 characters (e.g. openssl rand -hex 16)");

  let webConcurrency = 1;
  if (env.WEB_CONCURRENCY !== undefined && env.WEB_CONCURRENCY !== "") {
    webConcurrency = Number(env.WEB_CONCURRENCY);
    if (!Number.isInteger(webConcurrency) || webConcurrency < 1 || webConcurrency > 64) {
      problems.push(`WEB_CONCURRENCY must be an integer between 1 and 64 (got "${env.WEB_CONCURRENCY}")`);
    } else if (webConcurrency > 1 && !databaseUrl) {
      problems.push("WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database serves a single process");
    }
  }

  const jobsInProcess = env.JOBS_IN_PROCESS ? parseBool(env.JOBS_IN_PROCESS, "JOBS_IN_PROCESS", problems) : true;
  if (!jobsInProcess && !databaseUrl) {
    problems.push("JOBS_IN_PROCESS=false needs DATABASE_URL: the embedded database serves a single process, so no `npm run worker` could run the jobs");
  }

  // A worker in its own process is not woken by the servers' enqueues: it finds their jobs at
  // its next poll. Shorter means e-mails leave sooner, at the price of one query per poll.
  let jobsPollMs = 15_000;
  if (env.JOBS_POLL_MS !== undefined && env.JOBS_POLL_MS !== "") {
    jobsPollMs = Number(env.JOBS_POLL_MS);
    if (!Number.isInteger(jobsPollMs) || jobsPollMs < 100 || jobsPollMs > 600_000) {
      problems.push(`JOBS_POLL_MS must be an integer between 100 and 600000 (got "${env.JOBS_POLL_MS}")`);
    }
  }

  let pageCacheEntries = 1000;
  if (env.PAGE_CACHE_ENTRIES !== undefined && env.PAGE_CACHE_ENTRIES !== "") {
    pageCacheEntries = Number(env.PAGE_CACHE_ENTRIES);
    if (!Number.isInteger(pageCacheEntries) || pageCacheEntries < 0 || pageCacheEntries > 100_000) {
      problems.push(`PAGE_CACHE_ENTRIES must be an integer between 0 and 100000 (got "${env.PAGE_CACHE_ENTRIES}")`);
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv,
    port,
    host,
    dataDir,
    databaseUrl,
    publicUrl,
    logLevel,
    seedOnEmpty,
    trustProxy,
    smtpUrl,
    mailFrom,
    geocoderUrl,
    metricsToken,
    webConcurrency,
    jobsInProcess,
    jobsPollMs,
    pageCacheEntries,
  };
}

function parseBool(value: string, name: string, problems: string[]): boolean {
  if (["1", "true", "yes"].includes(value.toLowerCase())) return true;
  if (["0", "false", "no"].includes(value.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return false;
}

// Names proxy-addr (Fastify's trustProxy) expands into address ranges.
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset/false, a hop count, or a comma-separated list of proxy addresses.
 * `true` is refused: it makes the left-most X-Forwarded-For value (chosen by the client)
 * the client IP, so every per-IP rate limit could be skipped with a made-up header.
 */
function parseTrustProxy(value: string | undefined, problems: string[]): TrustProxy {
  const raw = (value ?? "").trim();
  if (raw === "" || ["0", "false", "no"].includes(raw.toLowerCase())) return false;
  if (["true", "yes"].includes(raw.toLowerCase())) {
    problems.push(
      "TRUST_PROXY=true would trust any X-Forwarded-For header sent by a client; give the number of proxies in front of the app (e.g. TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=10.0.0.5,10.1.0.0/16 or loopback)",
    );
    return false;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push(`TRUST_PROXY must be a hop count between 1 and 10, or proxy addresses (got "${raw}")`);
    return hops;
  }
  const entries = raw.split(",").map((e) => e.trim().toLowerCase());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length > 0) {
    problems.push(`TRUST_PROXY must be false, a hop count, or comma-separated proxy addresses/CIDRs or "loopback" (bad: "${bad.join('", "')}")`);
    return false;
  }
  return entries;
}
