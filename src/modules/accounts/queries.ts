import { sql } from "kysely";
import type { DB } from "../../core/db/create-db.js";
import type { TokenPurpose } from "../../core/db/schema.js";
import { hashToken, randomToken } from "../../core/auth/tokens.js";

export async function findUserByEmail(db: DB, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "password_hash", "email_verified_at", "display_name", "role"])
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: DB, id: number) {
  return db
    .selectFrom("users")
    .select(["id", "email", "password_hash", "email_verified_at", "display_name", "role", "digest_consent", "digest_consent_at", "created_at", "updated_at", "last_sign_in_at", "password_changed_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findInterests(db: DB, userId: number) {
  const [themes, places] = await Promise.all([
    db.selectFrom("user_themes").select(["theme_id", "created_at"]).where("user_id", "=", userId).execute(),
    db.selectFrom("user_neighbourhoods").select(["neighbourhood_id", "created_at"]).where("user_id", "=", userId).execute(),
  ]);
  return { themeIds: themes.map((t) => t.theme_id), neighbourhoodIds: places.map((p) => p.neighbourhood_id), themes, places };
}

/** Replaces a user's interests with the given ids, keeping only ids that exist. */
export async function setInterests(db: DB, userId: number, themeIds: number[], neighbourhoodIds: number[]) {
  await db.deleteFrom("user_themes").where("user_id", "=", userId).execute();
  await db.deleteFrom("user_neighbourhoods").where("user_id", "=", userId).execute();
  if (themeIds.length > 0) {
    const valid = await db.selectFrom("themes").select("id").where("id", "in", themeIds).execute();
    if (valid.length > 0) await db.insertInto("user_themes").values(valid.map((t) => ({ user_id: userId, theme_id: t.id }))).execute();
  }
  if (neighbourhoodIds.length > 0) {
    const valid = await db.selectFrom("neighbourhoods").select("id").where("id", "in", neighbourhoodIds).execute();
    if (valid.length > 0) {
      await db.insertInto("user_neighbourhoods").values(valid.map((n) => ({ user_id: userId, neighbourhood_id: n.id }))).execute();
    }
  }
}

export async function createUserToken(db: DB, userId: number, purpose: TokenPurpose, lifetimeMs: number, now: Date, email: string | null = null) {
  const token = randomToken();
  await db
    .insertInto("user_tokens")
    .values({ token_hash: hashToken(token), user_id: userId, purpose, email, created_at: now, expires_at: new Date(now.getTime() + lifetimeMs) })
    .execute();
  return token;
}

/**
 * Marks a token used and returns it, atomically: of two concurrent uses only one gets
 * the row. Expired, used, unknown or other-purpose tokens return undefined.
 */
export async function consumeUserToken(db: DB, token: string, purpose: TokenPurpose, now: Date) {
  return db
    .updateTable("user_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["id", "user_id", "email"])
    .executeTakeFirst();
}

export async function peekUserToken(db: DB, token: string, purpose: TokenPurpose, now: Date) {
  return db
    .selectFrom("user_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function listSessions(db: DB, userId: number) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "expires_at", "user_agent"])
    .where("user_id", "=", userId)
    .orderBy("last_seen_at", "desc")
    .execute();
}

/** The neighbourhoods a person follows, for the "Suivre ce quartier" buttons of every page. */
export async function followedNeighbourhoods(db: DB, userId: number): Promise<Set<number>> {
  const rows = await db.selectFrom("user_neighbourhoods").select("neighbourhood_id").where("user_id", "=", userId).execute();
  return new Set(rows.map((r) => r.neighbourhood_id));
}
