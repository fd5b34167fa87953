import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { cacheKeyUrl, canonicalQuery } from "./cache-key.js";
import { noQuery, queryOf, text } from "./form.js";

const request = (url: string, query: Record<string, unknown>, querystring?: unknown) =>
  ({ url, query, routeOptions: { schema: querystring === undefined ? {} : { querystring } } }) as unknown as FastifyRequest;

describe("cacheKeyUrl", () => {
  it("drops every parameter of a route that reads none", () => {
    expect(cacheKeyUrl(request("/a?utm_source=x&n=1", { utm_source: "x", n: "1" }, noQuery))).toBe("/a");
    expect(cacheKeyUrl(request("/a?", {}, noQuery))).toBe("/a");
  });

  it("keeps the declared parameters, sorted, as the route reads them, one encoding", () => {
    const schema = queryOf({ q: text(), page: text(), type: text() });
    const query = { type: "article", fbclid: "z", q: "été & co", page: "2" };
    expect(cacheKeyUrl(request("/r?type=article&fbclid=z&q=%C3%A9t%C3%A9+%26+co&page=2", query, schema))).toBe(
      "/r?page=2&q=%C3%A9t%C3%A9%20%26%20co&type=article",
    );
    expect(cacheKeyUrl(request("/r?q=", { q: "" }, schema))).toBe("/r?q=");
  });

  it("writes coerced values and lists (one pair per item, in order)", () => {
    const schema = {
      type: "object",
      properties: { page: { type: "integer" }, ids: { type: "array" }, geo: { type: "boolean" } },
      additionalProperties: { not: {} },
    };
    expect(cacheKeyUrl(request("/x?page=01&ids=3&ids=1", { page: 1, ids: ["3", "1"], geo: false }, schema))).toBe("/x?geo=false&ids=3&ids=1&page=1");
  });

  it("keeps the whole query string when the route may read any parameter, or declares no schema", () => {
    const open = { type: "object", properties: { a: { type: "string" } }, additionalProperties: true };
    expect(cacheKeyUrl(request("/x?b=2&a=1", { a: "1", b: "2" }, open))).toBe("/x?b=2&a=1");
    const pattern = { type: "object", patternProperties: { "^f_": { type: "string" } } };
    expect(cacheKeyUrl(request("/x?f_a=1", { f_a: "1" }, pattern))).toBe("/x?f_a=1");
    expect(cacheKeyUrl(request("/x?z=1", { z: "1" }))).toBe("/x?z=1");
    expect(cacheKeyUrl(request("/x?z=1", { z: "1" }, { type: "object", additionalProperties: false }))).toBe("/x");
  });
});

describe("canonicalQuery", () => {
  it("ignores absent and undefined values and names it was not given", () => {
    expect(canonicalQuery({ a: undefined, b: "1", c: "2" }, ["b", "a", "b"])).toBe("b=1");
    expect(canonicalQuery(null, ["a"])).toBe("");
  });
});
