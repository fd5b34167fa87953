// SQL of the site module. It owns site_settings (one row: identity, brand colours, the
// communes of the territory). The menu reads the published pages' menu titles from the
// content module's table until content exports that list (see README.md).
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../core/db/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function siteSettings(db: Db) {
  return db
    .selectFrom("site_settings")
    .select(["site_name", "short_name", "tagline", "brand_color", "brand_color_dark", "contact_email", "contact_address", "commune_codes"])
    .executeTakeFirst();
}

/** True once the site has its settings row (a fresh database has none: the demo seed may run). */
export async function siteConfigured(db: Db): Promise<boolean> {
  return (await db.selectFrom("site_settings").select("id").executeTakeFirst()) !== undefined;
}

/** INSEE codes of the communes of the territory (empty when the site is not set up). */
export async function communeCodes(db: Db): Promise<string[]> {
  const row = await db.selectFrom("site_settings").select(["commune_codes"]).where("id", "=", 1).executeTakeFirst();
  return row?.commune_codes ?? [];
}

/** Published pages that asked for a place in the main menu, in menu order. */
export async function menuPages(db: Db): Promise<{ path: string; menu_title: string | null }[]> {
  return db
    .selectFrom("content_items")
    .select(["path", "menu_title"])
    .where("kind", "=", "page")
    .where("status", "=", "published")
    .where("menu_title", "is not", null)
    .orderBy("menu_position")
    .execute();
}
