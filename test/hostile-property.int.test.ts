// The hostile-input suite (issue 9), part 3: generated inputs. For each route, fast-check
// draws query strings and form bodies from the route's own schema where it has one (values
// that fit, values just outside: lengths, patterns, types, repeated keys) and arbitrary keys
// and Unicode text otherwise. The runs are bounded so that the file stays well under a
// minute per database; a failure prints its seed and shrunk input.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "./helpers.js";
import {
  buildHostileWorld,
  expectNothingStored,
  fillPath,
  knock,
  MARK,
  problemsOf,
  routeTable,
  validParam,
  type HostileWorld,
  type Route,
  type SchemaNode,
} from "./hostile-input.js";

let w: TestWorld;
let hw: HostileWorld;
let routes: Route[];

beforeAll(async () => {
  w = await createTestWorld();
  hw = await buildHostileWorld(w);
  routes = routeTable(w.app);
}, 120_000);
afterAll(async () => w?.close());

const RUNS_PER_ROUTE = 6;

/** Text of any kind: control characters, lone surrogates, markers, digits that overflow. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", "0", "-1", "1.5", "2147483647", "2147483648", "9e99", "NaN", "__proto__", "constructor", "../..", "%00", "<b>x</b>"),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.string({ maxLength: 10 }).map((s) => `${MARK}\u0000${s}`),
);

/** Values drawn from one property's schema: inside it and just outside it. */
function fromSchema(schema: SchemaNode | undefined): fc.Arbitrary<string | string[]> {
  if (!schema) return anyText;
  const options: Array<fc.Arbitrary<string | string[]>> = [anyText];
  if (schema.type === "array") {
    options.push(fc.array(fromSchema(schema.items) as fc.Arbitrary<string>, { maxLength: (schema.maxItems ?? 5) + 2 }));
  }
  if (schema.pattern) options.push(fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, 200)));
  if (schema.enum) options.push(fc.constantFrom(...(schema.enum as unknown[]).map(String)));
  if (schema.type === "integer" || schema.type === "number") {
    options.push(fc.integer({ min: (schema.minimum ?? 0) - 2, max: Math.min((schema.maximum ?? 100) + 2, Number.MAX_SAFE_INTEGER) }).map(String));
  }
  if (schema.type === "boolean") options.push(fc.constantFrom("true", "false", "1", "0", "oui"));
  if (typeof schema.maxLength === "number") options.push(fc.integer({ min: schema.maxLength, max: schema.maxLength + 2 }).map((n) => "a".repeat(n)));
  return fc.oneof(...options);
}

/** An object of fields: the schema's properties (some left out) plus arbitrary keys. */
function fieldsFor(schema: SchemaNode | undefined): fc.Arbitrary<Record<string, string | string[]>> {
  const properties = schema?.properties ?? {};
  const known = Object.fromEntries(
    Object.entries(properties)
      .filter(([k]) => k !== "_csrf")
      .map(([k, s]) => [k, fromSchema(s)]),
  );
  const extra = fc.dictionary(
    fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "a[b]", "a[]", "q", "email", "id")),
    fc.oneof(anyText, fc.array(anyText, { maxLength: 3 })),
    { maxKeys: 3 },
  );
  return fc.tuple(fc.record(known, { requiredKeys: [] }), extra).map(([a, b]) => ({ ...b, ...a }) as Record<string, string | string[]>);
}

function encode(fields: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const x of [v].flat()) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(x.replace(/[\ud800-\udfff]/g, "\ufffd"))}`);
  return parts.join("&");
}

/** Path parameters: the route's schema when it has one, or anything. */
function paramsFor(route: Route): fc.Arbitrary<Record<string, string>> {
  const properties = route.schema?.params?.properties ?? {};
  return fc.record(
    Object.fromEntries(route.params.map((p) => [p, fc.oneof(fc.constant(validParam(p, hw)), fromSchema(properties[p]) as fc.Arbitrary<string>)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
}

const isBackOffice = (r: Route) => r.url === "/admin" || r.url.startsWith("/admin/");

describe("generated inputs", () => {
  it("no route answers 5xx or stores a refused value, whatever the schema-shaped or arbitrary input", { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const actor = hw.actors.find((a) => a.who === (isBackOffice(route) ? "admin" : "resident"))!;
      await actor.refresh();
      await fc
        .assert(
          fc.asyncProperty(paramsFor(route), fieldsFor(route.schema?.querystring), fieldsFor(route.schema?.body), async (params, query, body) => {
            const path = fillPath(route, (p) => encodeURIComponent((params[p] ?? "").replace(/[\ud800-\udfff]/g, "\ufffd")) || "x");
            const qs = encode(query);
            const url = qs ? `${path}?${qs}` : path;
            const res = await knock(w.app, actor, route.method === "GET" ? { method: "GET", url } : { method: route.method, url, body: encode(body) });
            const found = problemsOf(res, `${route.method} ${url.slice(0, 200)}`);
            problems.push(...found);
            return found.length === 0;
          }),
          { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.HOSTILE_SEED ?? 9), endOnFailure: true },
        )
        .catch((error: Error) => problems.push(`${route.method} ${route.url}: ${error.message.split("\n").slice(0, 6).join(" | ")}`));
    }
    expect(problems.slice(0, 20)).toEqual([]);
    await expectNothingStored(w);
  });
});
