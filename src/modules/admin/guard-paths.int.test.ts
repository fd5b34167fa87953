// The back-office guard decides on what the router matched and on the decoded, normalised
// path, never on the raw request line: every spelling of an /admin URL (percent-encoded,
// double-encoded, other case, dot segments, doubled slashes, matrix parameters, look-alike
// characters) is either refused exactly like /admin/contenus or a plain 404 page that no
// back-office handler produced, or redirected (301) to its plain spelling (percent-encoded
// letters: core/http/input-guard.ts canonicalPath), which is then refused the same way.
// Checked for the three people the guard stops.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createStaff, StaffAgent } from "../../../test/staff.js";
import { canonicalPath } from "../../core/http/input-guard.js";
import { ENROL_PATH, normalisedPath } from "./guard.js";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(async () => world?.close());

const VARIANTS = [
  "/%61dmin",
  "/%61dmin/contenus",
  "/%41dmin",
  "/%41dmin/contenus",
  "/ADMIN/contenus",
  "/Admin",
  "/admin%2Fcontenus",
  "/admin%2fcontenus",
  "/%2561dmin/contenus",
  "/%252561dmin/contenus",
  "//admin/contenus",
  "///admin/contenus",
  "/./admin/contenus",
  "/admin/./contenus",
  "/admin/../admin/contenus",
  "/x/../admin/contenus",
  "/admin;x/contenus",
  "/admin/contenus;x",
  "/admin/contenus?x",
  "/admin/contenus/",
  "/admin/",
  "/admin/%63ontenus",
  "/%61%64%6d%69%6e/%63%6f%6e%74%65%6e%75%73",
  "/%61dmin/equipe",
  "/%61dmin/securite",
  "/\uff41dmin/contenus", // full-width a
  "/%EF%BD%81dmin/contenus", // the same, encoded
  "/\u0430dmin/contenus", // Cyrillic a
  "/%D0%B0dmin/contenus",
  "/admin\u200b/contenus", // zero-width space
  "/adm%C4%B1n/contenus", // dotless i
  "/admin%00/contenus",
  "/admin%/contenus",
] as const;

type Persona = "anonymous" | "resident" | "staff-must-enrol";
const PERSONAS: readonly Persona[] = ["anonymous", "resident", "staff-must-enrol"];

async function agentFor(persona: Persona): Promise<StaffAgent> {
  if (persona === "anonymous") return new StaffAgent(world.app);
  if (persona === "resident") return (await createStaff(world, "resident")).agent;
  return (await createStaff(world, "admin", { totpRequired: true })).agent;
}

/** How the guard refuses: the kind of answer, not its details (the sign-in link carries the URL back). */
function refusal(res: LightMyRequestResponse): string {
  const location = String(res.headers.location ?? "");
  if (res.statusCode === 303 && /^\/compte\/connexion(\?|$)/.test(location)) return "303 sign-in";
  if (res.statusCode === 303 && location === ENROL_PATH) return "303 enrol";
  return `${res.statusCode} ${location}`;
}

/** Refused before routing by the global input rule (NUL, a broken escape): never reach any route. */
const MALFORMED = new Set<string>(["/admin%00/contenus", "/admin%/contenus"]);

function expectKeptOut(res: LightMyRequestResponse, reference: string, request: string, persona: Persona) {
  const label = `${request} as ${persona}`;
  const got = refusal(res);
  if (got === reference) return;
  // Otherwise only the public "page not found" (or "bad request" for a malformed URL), never a back-office page.
  const plain = MALFORMED.has(request.slice("GET ".length)) ? [400, 404] : [404];
  expect(plain, `${label}: ${got} (refused as ${reference} on /admin/contenus)`).toContain(res.statusCode);
  expect(res.body, label).not.toContain("admin-body");
  expect(res.body, label).not.toContain("Administration");
}

/** GET `url`; a redirect to its canonical spelling (and only that) is followed once. */
async function getFollowingCanonical(agent: StaffAgent, url: string): Promise<LightMyRequestResponse> {
  const res = await agent.get(url);
  if (res.statusCode !== 301) return res;
  expect(res.headers.location, url).toBe(canonicalPath(url));
  expect(res.body, url).not.toContain("Administration");
  return agent.get(String(res.headers.location));
}

describe("back-office guard on encoded and look-alike paths", () => {
  for (const persona of PERSONAS) {
    it(`keeps ${persona} out of every spelling of /admin`, async () => {
      const agent = await agentFor(persona);
      const reference = refusal(await agent.get("/admin/contenus"));
      expect(reference).toBe(persona === "anonymous" ? "303 sign-in" : persona === "resident" ? "403 " : "303 enrol");
      for (const url of VARIANTS) expectKeptOut(await getFollowingCanonical(agent, url), reference, `GET ${url}`, persona);
    });
  }

  it("refuses a state-changing request on an encoded path to staff who must enrol", async () => {
    const agent = await agentFor("staff-must-enrol");
    for (const url of ["/admin/session", "/%61dmin/session", "/ADMIN/session", "/admin/./session", "//admin/session"]) {
      const res = await agent.send(url);
      expect([403, 404], `POST ${url}: ${res.statusCode}`).toContain(res.statusCode);
      expect(res.statusCode, `POST ${url}`).not.toBe(204);
    }
  });

  it("still lets an enrolled staff member through an encoded spelling of a real page", async () => {
    const editor = await createStaff(world, "editor");
    const res = await getFollowingCanonical(editor.agent, "/%61dmin/contenus");
    expect(res.statusCode).toBe(200);
  });

  it("still lets staff who must enrol reach the enrolment page", async () => {
    const agent = await agentFor("staff-must-enrol");
    expect((await agent.get(ENROL_PATH)).statusCode).toBe(200);
  });
});

describe("normalisedPath", () => {
  it.each([
    ["/%61dmin/contenus", "/admin/contenus"],
    ["/%2561dmin", "/admin"],
    ["//admin/./x/../contenus/", "/admin/contenus"],
    ["/ADMIN;jsessionid=1/contenus?x=1", "/admin/contenus"],
    ["/\uff41dmin", "/admin"],
    ["/admin%2Fcontenus", "/admin/contenus"],
    ["/admin\\contenus", "/admin/contenus"],
    ["/%zz/admin", "/%zz/admin"],
    ["/../../admin", "/admin"],
  ])("%s → %s", (input, expected) => {
    expect(normalisedPath(input)).toBe(expected);
  });
});
