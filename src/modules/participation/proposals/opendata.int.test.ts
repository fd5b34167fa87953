// The ideas as open data: /api/v1/idees matches its OpenAPI description, the CSV file has the
// same records, hidden ideas and every personal datum stay out, and a new support shows at once.
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeighbourhood, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff } from "../../../../test/staff.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

describe("ideas as open data", () => {
  it("publishes visible ideas with their counts, without personal data, in the API (as documented) and in CSV", async () => {
    const quartier = await createNeighbourhood(w.db, { name: "Les Oliviers", kind: "qpv", code: "QN05901M" });
    const author = await createStaff(w, "resident", { displayName: "Nadia Secret" });
    const post = async (titre: string) => {
      const res = await author.agent.send("/participation/idees/nouvelle", {
        titre,
        description: "Une description assez longue pour être acceptée par le formulaire.",
        quartier: String(quartier.id),
      });
      expect(res.statusCode).toBe(303);
      return Number(/idees\/(\d+)-/.exec(String(res.headers.location))![1]);
    };
    const shown = await post("Des toilettes publiques au marché");
    const hidden = await post("Une idée masquée par la modération");
    await w.db.updateTable("proposals").set({ moderation: "hidden", moderation_reason: "Hors sujet" }).where("id", "=", hidden).execute();
    const mediator = await createStaff(w, "mediator", { displayName: "Maison de quartier" });
    const assisted = await mediator.agent.send("/admin/participation/saisie-assistee", {
      habitant: "Josette Privée",
      consentement: "on",
      titre: "Un banc devant la pharmacie",
      description: "Les personnes âgées attendent debout devant la pharmacie.",
      quartier: String(quartier.id),
    });
    expect(assisted.statusCode).toBe(303);

    const before = await w.app.inject({ url: "/api/v1/idees" });
    expect(before.statusCode).toBe(200);
    const fan = await createStaff(w, "resident");
    await fan.agent.send(`/participation/idees/${shown}/soutien`, { action: "soutenir" });

    const res = await w.app.inject({ url: "/api/v1/idees" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const body = res.json() as {
      data: Array<{ id: number; titre: string; soutiens: number; saisie_assistee: boolean; quartier: { code: string } }>;
      total: number;
    };
    expect(body.total).toBe(2);
    expect(body.data.map((p) => p.titre)).toEqual(["Des toilettes publiques au marché", "Un banc devant la pharmacie"]);
    expect(body.data[0]).toMatchObject({ id: shown, soutiens: 1, saisie_assistee: false, quartier: { code: "QN05901M" } });
    expect(body.data[1]!.saisie_assistee).toBe(true);
    for (const secret of ["Nadia Secret", "Josette Privée", "Maison de quartier", author.email, "masquée"]) expect(res.body).not.toContain(secret);

    const doc = (await w.app.inject({ url: "/api/v1/openapi.json" })).json() as { components: unknown; paths: Record<string, unknown> };
    expect(doc.paths["/idees"]).toBeDefined();
    const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
    ajv.addKeyword("components");
    ajv.addSchema({ $id: "openapi", components: doc.components });
    const valid = ajv.validate({ $ref: "openapi#/components/schemas/ProposalList" }, body);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect((await w.app.inject({ url: "/api/v1/idees?quartier=x" })).statusCode).toBe(400);

    const sitemap = (await w.app.inject({ url: "/sitemap.xml" })).body;
    expect(sitemap).toContain("/participation/idees</loc>");
    expect(sitemap).toContain(`/participation/idees/${shown}-des-toilettes-publiques-au-marche</loc>`);
    expect(sitemap).not.toContain(`/participation/idees/${hidden}-`);
    const catalogue = await w.app.inject({ url: "/donnees" });
    expect(catalogue.body).toContain("Idées des habitants");
    expect(catalogue.body).toContain('href="/donnees/idees.csv"');
    expect(catalogue.body).toContain("2 idées");
    const csv = await w.app.inject({ url: "/donnees/idees.csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "id,titre,statut,statut_libelle,quartier_slug,quartier_nom,quartier_code,priorite_slug,priorite_titre,action_slug,au_nom_d_une_organisation,saisie_assistee,soutiens,cree_le,repondu_le,url",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${shown},Des toilettes publiques au marché,received,Reçue,`);
    expect(lines[1]).toContain(",false,false,1,");
    for (const secret of ["Nadia Secret", "Josette Privée", "Maison de quartier", "masquée"]) expect(csv.body).not.toContain(secret);
  });
});
