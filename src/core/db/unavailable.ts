// Tells a database outage from a bug. An outage (server down, restarting, unreachable,
// too slow, out of connections) is answered with 503 and Retry-After, and the process keeps
// serving what it can: the pool reconnects on its own when the server is back. Anything
// else stays a 500 with an error id.
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

// SQLSTATE: 08 connection exception; 57P01-57P05 shutdown / cannot connect now / idle timeouts;
// 57014 statement cancelled (statement_timeout); 53300 too many connections; 40001/40P01 are
// retried by the caller, not here.
const SQLSTATE = /^(08...|57P0[1-5]|57014|53300|53000)$/;

const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /Client has encountered a connection error/i,
  /connect ECONNREFUSED/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Cannot use a pool after calling end/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const err = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof err.code === "string" && (CONNECTION_CODES.has(err.code) || SQLSTATE.test(err.code))) return true;
    if (typeof err.message === "string" && MESSAGES.some((m) => m.test(err.message as string))) return true;
    // AggregateError (dual-stack connect) carries the socket errors in `errors`.
    if (Array.isArray(err.errors) && err.errors.some((x) => isDatabaseUnavailable(x))) return true;
    e = err.cause;
  }
  return false;
}
