// "Télécharger mes données" (RGPD art. 15 and 20): everything held about an account,
// as JSON. Secrets (password hash, token hashes, CSRF tokens) are not personal data the
// person gave us and would only weaken the account if the file leaked: they are left out.
import type { DB } from "../../core/db/create-db.js";
import { findUserById } from "./queries.js";

export async function exportAccountData(db: DB, userId: number, now: Date) {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [themes, places, favourites, favouriteActions, sessions, tokens] = await Promise.all([
    db.selectFrom("user_themes as ut").innerJoin("themes as t", "t.id", "ut.theme_id").select(["t.name", "t.slug", "ut.created_at"]).where("ut.user_id", "=", userId).execute(),
    db
      .selectFrom("user_neighbourhoods as un")
      .innerJoin("neighbourhoods as n", "n.id", "un.neighbourhood_id")
      .select(["n.name", "n.slug", "un.created_at"])
      .where("un.user_id", "=", userId)
      .execute(),
    db
      .selectFrom("favourites as f")
      .innerJoin("content_items as c", "c.id", "f.content_id")
      .select(["c.title", "c.path", "f.created_at"])
      .where("f.user_id", "=", userId)
      .orderBy("f.created_at", "desc")
      .execute(),
    db
      .selectFrom("favourites as f")
      .innerJoin("actions as a", "a.id", "f.action_id")
      .select(["a.title", "a.slug", "f.created_at"])
      .where("f.user_id", "=", userId)
      .orderBy("f.created_at", "desc")
      .execute(),
    db.selectFrom("sessions").select(["created_at", "last_seen_at", "expires_at", "user_agent"]).where("user_id", "=", userId).execute(),
    db.selectFrom("user_tokens").select(["purpose", "email", "created_at", "expires_at", "used_at"]).where("user_id", "=", userId).execute(),
  ]);
  return {
    exportedAt: now.toISOString(),
    profile: {
      email: user.email,
      emailVerifiedAt: user.email_verified_at,
      displayName: user.display_name,
      role: user.role,
      createdAt: user.created_at,
      updatedAt: user.updated_at,
      lastSignInAt: user.last_sign_in_at,
      passwordChangedAt: user.password_changed_at,
    },
    consents: [{ purpose: "Lettre d’information par e-mail", given: user.digest_consent, givenAt: user.digest_consent_at }],
    interests: {
      themes: themes.map((t) => ({ name: t.name, slug: t.slug, since: t.created_at })),
      neighbourhoods: places.map((p) => ({ name: p.name, slug: p.slug, since: p.created_at })),
    },
    favourites: favourites.map((f) => ({ title: f.title, path: f.path, addedAt: f.created_at })),
    favouriteActions: favouriteActions.map((f) => ({ title: f.title, path: `/politique-de-la-ville/actions/${f.slug}`, addedAt: f.created_at })),
    sessions: sessions.map((s) => ({ startedAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, device: s.user_agent })),
    emailLinks: tokens.map((t) => ({ purpose: t.purpose, email: t.email, sentAt: t.created_at, expiresAt: t.expires_at, usedAt: t.used_at })),
  };
}
