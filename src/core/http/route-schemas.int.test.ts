// Every route declares the input it reads (core/http/form.ts): a GET its query string, a
// state-changing route its body. The schema bounds types and lengths before any handler runs,
// and the hostile-input suites (test/hostile-*.int.test.ts) drive every field it declares.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { guardedRoutes } from "./input-guard.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
});
afterAll(async () => w?.close());

describe("route schemas", () => {
  it("every route declares its query string (GET) or its body (other methods)", () => {
    const missing = guardedRoutes(w.app)
      .filter((r) => r.method !== "HEAD" && r.method !== "OPTIONS")
      .filter((r) => {
        const schema = (r.schema ?? {}) as Record<string, unknown>;
        return r.method === "GET" ? !schema.querystring : !schema.body;
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });
});
