// The API description lints clean with Redocly's linter, `recommended` ruleset (the rules
// redocly-cli applies by default), with no rule turned off: what a re-user's tooling
// (generators, portals, CI linters) will run on it. No database needed: the document is
// built from the route schemas and PUBLIC_URL alone.
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi.js";

async function lint(doc: object) {
  const config = await createConfig({ extends: ["recommended"] });
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "openapi.json", config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ""})`);
}

describe("the OpenAPI document, linted", () => {
  it("has no error and no warning under Redocly's recommended rules", async () => {
    expect(await lint(openApiDocument("https://ville.example"))).toEqual([]);
  });

  it("takes its server from PUBLIC_URL", () => {
    expect(openApiDocument("https://www.ville-essai.fr").servers).toEqual([expect.objectContaining({ url: "https://www.ville-essai.fr/api/v1" })]);
  });

  it("would catch a broken document (the linter is really running)", async () => {
    const broken = structuredClone(openApiDocument("https://ville.example")) as {
      info: { license?: unknown };
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    };
    delete broken.info.license;
    const first = Object.values(broken.paths)[0]!;
    for (const status of Object.keys(first.get.responses)) if (status.startsWith("4")) delete first.get.responses[status];
    const problems = await lint(broken);
    expect(problems.some((p) => p.includes("info-license"))).toBe(true);
    expect(problems.some((p) => p.includes("operation-4xx-response"))).toBe(true);
  });
});
