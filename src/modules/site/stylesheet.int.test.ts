// The colours stylesheet: pages link it under a version of its content, which browsers may
// keep for a year; any other URL of it (an old version, none) only for a minute.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  await createTheme(w.db, { slug: "emploi", name: "Emploi", color: "#8a4b08" });
});
afterAll(async () => w?.close());

it("is immutable for a year under the version pages link, a minute under any other", async () => {
  const home = await w.app.inject({ url: "/" });
  const linked = /href="(\/couleurs\.css\?v=[0-9a-f]{12})"/.exec(home.body)?.[1];
  expect(linked).toBeDefined();
  const current = await w.app.inject({ url: linked! });
  expect(current.statusCode).toBe(200);
  expect(current.headers["content-type"]).toBe("text/css; charset=utf-8");
  expect(current.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(current.body).toContain(".tag--emploi{--tag-color:#8a4b08}");
  for (const url of ["/couleurs.css?v=000000000000", "/couleurs.css"]) {
    const other = await w.app.inject({ url });
    expect(other.statusCode).toBe(200);
    expect(other.headers["cache-control"]).toBe("public, max-age=60");
    expect(other.body).toBe(current.body);
  }
});
