// One load run, in its own process (pinned apart from the server by the caller): prints
// autocannon's figures as one JSON line. Argument: a JSON object (url, connections,
// seconds, method, headers, body, uniqueQuery).
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
  ...(spec.uniqueQuery
    ? {
        requests: [
          {
            setupRequest: (req: Request) => {
              n++;
              const p = req.path ?? "/";
              return { ...req, path: `${p}${p.includes("?") ? "&" : "?"}n=${n}` };
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
  })}\n`,
);
