// One load run, in its own process (pinned apart from the server by the caller): prints
// autocannon's figures as one JSON line. Argument: a JSON object (url, connections,
// seconds, method, headers, body, uniqueQuery, clients).
import autocannon, { type Request } from "autocannon";

interface Spec {
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Append ?n=<counter> to every request: each one misses the page cache. */
  uniqueQuery?: boolean;
  /** Paths (on the url's origin) the requests go through in turn instead of the url's own. */
  paths?: string[];
  /**
   * Send each request as one of this many visitors (X-Forwarded-For 10.x.y.z, for a server
   * started with TRUST_PROXY=loopback): per-address rate limits then see a crowd, as in
   * production, not one address sending thousands of requests a second.
   */
  clients?: number;
}

const spec = JSON.parse(process.argv[2] ?? "{}") as Spec;
let n = 0;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  method: spec.method ?? "GET",
  headers: spec.headers,
  body: spec.body,
  ...(spec.uniqueQuery || spec.clients || spec.paths?.length
    ? {
        requests: [
          {
            setupRequest: (req: Request) => {
              n++;
              const p = spec.paths?.length ? spec.paths[n % spec.paths.length]! : (req.path ?? "/");
              const path = spec.uniqueQuery ? `${p}${p.includes("?") ? "&" : "?"}n=${n}` : p;
              if (!spec.clients) return { ...req, path };
              const c = n % spec.clients;
              const headers = { ...req.headers, "x-forwarded-for": `10.${(c >> 16) & 255}.${(c >> 8) & 255}.${c & 255}` };
              return { ...req, path, headers };
            },
          },
        ],
      }
    : {}),
});
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    ok: result["2xx"],
    seconds: result.duration,
  })}\n`,
);
