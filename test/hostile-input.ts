// Shared parts of the hostile-input suite (issue 9): the app's route table as the input
// guard recorded it, the people who knock, the hostile values, and the checks every
// answer must pass. A route added to the app is walked without editing these files.
import { sql } from "kysely";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { createSession } from "../src/core/auth/sessions.js";
import { guardedRoutes } from "../src/core/http/input-guard.js";
import { createArticle, createContract, createNeighbourhood, createOrganisation, createSite, createTheme, createAction } from "./factories.js";
import type { TestWorld } from "./helpers.js";
import { createStaff } from "./staff.js";

/** Put in every value that must be refused: no table may hold it after the suite. */
export const MARK = "zqhostilemark";
/** Put in accepted-but-hostile text: it may be stored, never reflected unescaped. */
export const HTML_MARK = `<script>zqhtml</script>`;

export interface Route {
  method: string;
  url: string;
  params: string[];
  query: string[];
  body: string[];
  /** Query or body properties whose schema is an array. */
  lists: Set<string>;
  schema: RouteSchema | undefined;
}

/** The JSON-schema keywords the suites read from route schemas. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
}

export interface RouteSchema {
  params?: SchemaNode;
  querystring?: SchemaNode;
  body?: SchemaNode;
}

const GENERIC_FIELDS = [
  "q",
  "page",
  "statut",
  "retour",
  "email",
  "password",
  "title",
  "name",
  "slug",
  "contenu",
  "action",
  "quartier",
  "themes",
  "id",
  "code",
  "role",
  "version",
  "description",
];

function propertiesOf(schema: SchemaNode | undefined): Record<string, SchemaNode> {
  return schema?.properties ?? {};
}

/** The app's routes, one per method (HEAD and OPTIONS left out: GET covers them). */
export function routeTable(app: FastifyInstance): Route[] {
  return guardedRoutes(app)
    .filter((r) => r.method !== "HEAD" && r.method !== "OPTIONS")
    .map((r) => {
      const schema = r.schema as RouteSchema | undefined;
      const params = [...r.url.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
      if (r.url.endsWith("*")) params.push("*");
      const q = Object.keys(propertiesOf(schema?.querystring));
      const b = Object.keys(propertiesOf(schema?.body)).filter((k) => k !== "_csrf");
      const lists = new Set(
        [...Object.entries(propertiesOf(schema?.querystring)), ...Object.entries(propertiesOf(schema?.body))]
          .filter(([, s]) => s?.type === "array")
          .map(([k]) => k),
      );
      return { method: r.method, url: r.url, params, query: q.length ? q : GENERIC_FIELDS, body: b.length ? b : GENERIC_FIELDS, lists, schema };
    });
}

/** A value that looks right for a path parameter (ids of rows the world created). */
export function validParam(name: string, world: HostileWorld): string {
  if (name === "id" || name === "rid") return String(world.someId);
  if (name === "slug") return world.slug;
  if (name === "file") return "image-320.jpg";
  if (name === "name") return "app.js";
  if (name === "token") return "a".repeat(43);
  if (name === "*") return "une-page";
  return "x";
}

/** Builds a path from a route pattern, each parameter given already URL-encoded. */
export function fillPath(route: Route, encoded: (name: string) => string): string {
  let path = route.url;
  for (const p of route.params) path = p === "*" ? path.replace(/\*$/, encoded(p)) : path.replace(`:${p}`, encoded(p));
  return path;
}

/**
 * Hostile values, each as it travels in a URL or a urlencoded body (already encoded, so that
 * invalid percent sequences and raw bytes can be sent). `refused` values carry MARK.
 */
export interface Hostile {
  name: string;
  encoded: string;
  refused?: boolean;
}
const enc = encodeURIComponent;
export const HOSTILE: Hostile[] = [
  { name: "NUL", encoded: enc(`${MARK}\u0000x`), refused: true },
  { name: "C0 control", encoded: enc(`${MARK}\u0007\u001b[31m`), refused: true },
  { name: "CRLF header injection", encoded: enc(`${MARK}\r\nSet-Cookie: pris=1`) },
  { name: "invalid UTF-8 %C3%28", encoded: `${MARK}%C3%28` },
  { name: "invalid UTF-8 %FF", encoded: `${MARK}%FF%FE` },
  { name: "encoded lone surrogate", encoded: `${MARK}%ED%A0%80` },
  { name: "overlong 100k", encoded: "a".repeat(100_000) },
  { name: "int 2^31", encoded: "2147483648" },
  { name: "int 9e99", encoded: "9e99" },
  { name: "int -1", encoded: "-1" },
  { name: "int 1.5", encoded: "1.5" },
  { name: "SQL", encoded: enc(`' OR 1=1; DROP TABLE users; --`) },
  { name: "HTML", encoded: enc(`"'>${HTML_MARK}<img src=x onerror=alert(1)>`) },
];

/** Values for a path parameter (shapes a router sees, on top of the ones above). */
export const HOSTILE_PATH: Hostile[] = [
  ...HOSTILE.filter((h) => h.name !== "overlong 100k"),
  { name: "path traversal", encoded: enc("../../etc/passwd") },
  { name: "raw traversal", encoded: "..%2F..%2F..%2Fpackage.json" },
  { name: "percent-encoded slash", encoded: "a%2F..%2Fb" },
  { name: "long segment", encoded: "a".repeat(500) },
  { name: "double-encoded", encoded: "%2561" },
  { name: "empty", encoded: "" },
];

export function form(fields: string[], value: (field: string) => string, extra: Record<string, string> = {}): string {
  const parts = fields.map((f) => `${enc(f)}=${value(f)}`);
  for (const [k, v] of Object.entries(extra)) parts.push(`${enc(k)}=${enc(v)}`);
  return parts.join("&");
}

export type Who = "anonymous" | "resident" | "admin";

export interface Actor {
  who: Who;
  cookie: string;
  csrf: string;
  /** Signs in again (or re-creates the account) if a route walked before ended the session. */
  refresh(): Promise<void>;
}

export interface HostileWorld {
  world: TestWorld;
  actors: Actor[];
  someId: number;
  slug: string;
}

/** Content for the valid-looking ids and slugs, and the three people who knock. */
export async function buildHostileWorld(world: TestWorld): Promise<HostileWorld> {
  await createSite(world.db);
  const theme = await createTheme(world.db, { slug: "solidarite" });
  await createNeighbourhood(world.db);
  const article = await createArticle(world.db, { themeIds: [theme.id] });
  await createContract(world.db);
  await createOrganisation(world.db);
  await createAction(world.db);
  // Anonymous forms use a double-submit cookie: take one from a sign-in page.
  const page = await world.app.inject({ url: "/compte/connexion" });
  const anonCsrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const anonCookie = [page.headers["set-cookie"]]
    .flat()
    .map((c) => String(c).split(";")[0])
    .join("; ");
  const secure = world.config.publicUrl.startsWith("https://");
  /** A fresh session each time: a route walked before (sign out, revoke) may have ended the last one. */
  const signedIn = (role: "resident" | "admin"): Actor => {
    let member: Awaited<ReturnType<typeof createStaff>> | null = null;
    let current: { cookie: string; csrf: string; id: number } | null = null;
    const ensure = async () => {
      const row = member && (await world.db.selectFrom("users").select(["id", "role"]).where("id", "=", member.id).executeTakeFirst());
      if (!row || row.role !== role) {
        member = await createStaff(world, role, { signedIn: false });
        current = null;
      }
      // An administrator enrolled in the second factor (the back-office guard lets them in);
      // set again each time, since a walked route may have reset it.
      if (role === "admin")
        await world.db
          .updateTable("users")
          .set({ totp_secret: "JBSWY3DPEHPK3PXP", totp_enabled_at: world.clock.now, totp_required: true })
          .where("id", "=", member!.id)
          .execute();
      const alive = current && (await world.db.selectFrom("sessions").select("id").where("id", "=", current.id).executeTakeFirst());
      if (!alive) {
        const s = await createSession(world.db, member!.id, "hostile", world.clock.now);
        current = { cookie: `${secure ? "__Host-" : ""}portail_session=${s.token}`, csrf: s.csrfToken, id: s.id };
      }
      return current!;
    };
    const actor: Actor = {
      who: role,
      cookie: "",
      csrf: "",
      refresh: async () => {
        const c = await ensure();
        actor.cookie = c.cookie;
        actor.csrf = c.csrf;
      },
    };
    return actor;
  };
  return {
    world,
    actors: [{ who: "anonymous", cookie: anonCookie, csrf: anonCsrf, refresh: async () => {} }, signedIn("resident"), signedIn("admin")],
    someId: article.id,
    slug: theme.slug,
  };
}

const UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36";

export interface Knock {
  method: string;
  url: string;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  csrf?: boolean;
}

/** One request as `actor`; a state-changing one carries the actor's CSRF token unless told not to. */
export async function knock(app: FastifyInstance, actor: Actor, k: Knock): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { "user-agent": UA, cookie: actor.cookie, ...k.headers };
  if (k.body !== undefined) headers["content-type"] = k.contentType ?? "application/x-www-form-urlencoded";
  if (k.method !== "GET" && k.csrf !== false) headers["x-csrf-token"] = actor.csrf;
  return app.inject({ method: k.method as "GET", url: k.url, headers, ...(k.body !== undefined ? { payload: k.body } : {}) });
}

/** What every answer must satisfy, whatever was sent: the problems found (none expected). */
export function problemsOf(res: LightMyRequestResponse, what: string): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`${what} -> ${res.statusCode}`);
  if (res.headers["x-content-type-options"] !== "nosniff" || !res.headers["referrer-policy"]) problems.push(`${what}: security headers missing`);
  if (String(res.headers["content-type"] ?? "").startsWith("text/html") && !res.headers["content-security-policy"]) problems.push(`${what}: no CSP`);
  if (res.body.includes(HTML_MARK)) problems.push(`${what}: payload reflected unescaped`);
  for (const [name, value] of Object.entries(res.headers)) {
    if (name === "pris" || /pris=1/.test(String(value))) problems.push(`${what}: header injected through ${name}`);
  }
  return problems;
}

/** Runs requests and gathers every problem, so that one run shows them all. */
export class Findings {
  readonly problems: string[] = [];
  count = 0;
  check(res: LightMyRequestResponse, what: string): LightMyRequestResponse {
    this.count++;
    this.problems.push(...problemsOf(res, what));
    return res;
  }
  expectNone(): void {
    expect(this.problems.slice(0, 40), `${this.problems.length} problems in ${this.count} requests`).toEqual([]);
  }
}

/** No text column of any table holds the refusal marker. */
export async function expectNothingStored(world: TestWorld): Promise<void> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb', 'json')`.execute(world.db);
  const found: string[] = [];
  for (const c of columns.rows) {
    const hit = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)}::text like ${`%${MARK}%`}`.execute(world.db);
    if (hit.rows[0]!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  expect(found).toEqual([]);
}
