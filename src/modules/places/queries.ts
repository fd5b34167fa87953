// The places module's tables: themes and neighbourhoods (quartiers, QPV). Every other module
// reads them through these functions; joins onto them for a label stay in the joining
// module's own queries.ts.
import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { Database, NeighbourhoodsTable, ThemeRow } from "../../core/db/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

const NEIGHBOURHOOD_COLUMNS = ["id", "slug", "name", "kind", "code", "description", "position"] as const;

export async function listThemes(db: Db): Promise<ThemeRow[]> {
  return db.selectFrom("themes").select(["id", "slug", "name", "description", "color", "position"]).orderBy("position").orderBy("name").execute();
}

export async function findThemeBySlug(db: Db, slug: string): Promise<ThemeRow | undefined> {
  return db.selectFrom("themes").select(["id", "slug", "name", "description", "color", "position"]).where("slug", "=", slug).executeTakeFirst();
}

/** Slug and colour of each theme, in menu order: the site's theme stylesheet. */
export async function themeColours(db: Db): Promise<{ slug: string; color: string }[]> {
  return db.selectFrom("themes").select(["slug", "color"]).orderBy("position").execute();
}

export async function listNeighbourhoods(db: Db) {
  return db.selectFrom("neighbourhoods").select(NEIGHBOURHOOD_COLUMNS).orderBy("position").orderBy("name").execute();
}

export async function findNeighbourhoodBySlug(db: Db, slug: string) {
  return db.selectFrom("neighbourhoods").select(NEIGHBOURHOOD_COLUMNS).where("slug", "=", slug).executeTakeFirst();
}

/** Names for checkbox lists (interests, content places): themes by position, then name. */
export async function themeChoices(db: Db): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("themes").select(["id", "name"]).orderBy("position").orderBy("name").execute();
}

/** Quartiers and QPV for checkbox lists, grouped by kind. */
export async function neighbourhoodChoices(db: Db) {
  return db.selectFrom("neighbourhoods").select(["id", "name", "kind", "code"]).orderBy("kind").orderBy("position").orderBy("name").execute();
}

/** Which of these ids are themes: a form's choices are checked against the table, in the caller's transaction. */
export async function existingThemeIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("themes")
    .select("id")
    .where("id", "in", [...ids])
    .execute();
  return rows.map((r) => r.id);
}

export async function existingNeighbourhoodIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("neighbourhoods")
    .select("id")
    .where("id", "in", [...ids])
    .execute();
  return rows.map((r) => r.id);
}

export async function neighbourhoodExists(db: Db, id: number): Promise<boolean> {
  return (await existingNeighbourhoodIds(db, [id])).length === 1;
}

// ---- For the Politique de la Ville: maps, the perimeter lookup and the perimeter imports.

/** Every neighbourhood with its perimeter (null while none is imported), in menu order: maps. */
export async function neighbourhoodsForMap(db: Db) {
  return db.selectFrom("neighbourhoods").select(["id", "slug", "name", "kind", "code", "geometry"]).orderBy("position").execute();
}

/** One neighbourhood's perimeter and communes (its page compares its figures with theirs). */
export async function neighbourhoodPerimeter(db: Db, id: number) {
  return db.selectFrom("neighbourhoods").select(["geometry", "commune_codes"]).where("id", "=", id).executeTakeFirst();
}

/** What the perimeter imports compare a file with, for every neighbourhood. */
export async function neighbourhoodsForImport(db: Db) {
  return db.selectFrom("neighbourhoods").select(["id", "slug", "name", "kind", "code", "geometry", "population", "commune_codes"]).execute();
}

export async function insertNeighbourhood(db: Db, values: Insertable<NeighbourhoodsTable>): Promise<{ id: number }> {
  return db.insertInto("neighbourhoods").values(values).returning(["id"]).executeTakeFirstOrThrow();
}

export async function updateNeighbourhood(db: Db, id: number, changes: Updateable<NeighbourhoodsTable>): Promise<void> {
  await db.updateTable("neighbourhoods").set(changes).where("id", "=", id).execute();
}
