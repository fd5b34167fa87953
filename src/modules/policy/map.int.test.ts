// The maps say what they really show: their description (<desc>, read by screen readers) and
// title are built from the layers that have a perimeter, not a fixed sentence that announced
// hatched QPV on maps without any QPV outline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeighbourhood, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

let w: TestWorld;
const square = (lon: number, lat: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ],
});
const setGeometry = (id: number, lon: number, lat: number) =>
  w.db
    .updateTable("neighbourhoods")
    .set({ geometry: JSON.stringify(square(lon, lat)) })
    .where("id", "=", id)
    .execute();

/** The title and description of the page's map (the SVG's <title> and <desc>). */
async function mapOf(url: string) {
  w.pageCache.invalidateTags(["neighbourhoods", "policy"]); // perimeters are written directly below
  const res = await w.app.inject({ url });
  expect(res.statusCode, url).toBe(200);
  const title = /<svg[^>]*>\s*<title[^>]*>([^<]*)<\/title>/.exec(res.body)?.[1];
  const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(res.body)?.[1];
  return { title, desc: desc?.replace(/&#x27;|&rsquo;/g, "’") };
}

let qpvId = 0;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  const a = await createNeighbourhood(w.db, { kind: "quartier", slug: "carte-centre", name: "Centre carte" });
  const b = await createNeighbourhood(w.db, { kind: "quartier", slug: "carte-gare", name: "Gare carte" });
  qpvId = (await createNeighbourhood(w.db, { kind: "qpv", code: "QN05999M", slug: "carte-qpv", name: "Secteur carte" })).id;
  await setGeometry(a.id, 3.05, 50.62);
  await setGeometry(b.id, 3.07, 50.62);
});
afterAll(async () => w?.close());

describe("map descriptions", () => {
  it("without QPV outlines: names the quartiers drawn and says the QPV are not on the map", async () => {
    const { title, desc } = await mapOf("/politique-de-la-ville");
    expect(title).toBe("Carte des quartiers");
    expect(desc).toContain("La carte montre 2 quartiers.");
    expect(desc).toContain("Les périmètres des quartiers prioritaires ne sont pas encore chargés : ils ne figurent pas sur la carte.");
    expect(desc).not.toMatch(/hachur|orange/);
  });

  it("with a QPV outline: says how the QPV are drawn", async () => {
    await setGeometry(qpvId, 3.055, 50.625);
    const { title, desc } = await mapOf("/politique-de-la-ville");
    expect(title).toBe("Carte des quartiers et des quartiers prioritaires");
    expect(desc).toContain("La carte montre 2 quartiers et 1 quartier prioritaire.");
    expect(desc).toContain("Les quartiers prioritaires sont dessinés en orange, bordés de tirets, par-dessus les quartiers.");
    expect(desc).not.toMatch(/hachur|pas encore chargés/);
  });

  it("a neighbourhood's map describes its one perimeter", async () => {
    const { desc } = await mapOf("/quartiers/carte-qpv");
    expect(desc).toMatch(/^La carte montre le périmètre de Secteur carte \(quartier prioritaire QN05999M\)\./);
    expect(desc).not.toMatch(/hachur|orange|par-dessus/);
  });

  it("the address map says what the highlight and the marker are", async () => {
    const { desc } = await mapOf("/politique-de-la-ville/adresse?lon=3.056&lat=50.626");
    expect(desc).toContain("En jaune, avec un contour épais : les zones qui contiennent votre adresse.");
    expect(desc).toContain("Le point rouge : votre adresse.");
  });
});
