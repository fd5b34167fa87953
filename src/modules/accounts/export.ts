// "Télécharger mes données" (RGPD art. 15 and 20): everything held about an account,
// as JSON. Secrets (password hash, token hashes, CSRF tokens) are not personal data the
// person gave us and would only weaken the account if the file leaked: they are left out.
import type { DB } from "../../core/db/create-db.js";
import { exportFavourites } from "../favourites/index.js";
import { exportParticipation } from "../participation/index.js";
import { listSessions } from "../../core/auth/sessions.js";
import { findUserById, interestsForExport, tokensForExport } from "./queries.js";

export async function exportAccountData(db: DB, userId: number, now: Date) {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [{ themes, places }, favourites, sessions, tokens, participation] = await Promise.all([
    interestsForExport(db, userId),
    exportFavourites(db, userId),
    listSessions(db, userId),
    tokensForExport(db, userId),
    exportParticipation(db, userId),
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
    favourites: favourites.favourites,
    favouriteActions: favourites.favouriteActions,
    sessions: sessions.map((s) => ({ startedAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, device: s.user_agent })),
    participation,
    emailLinks: tokens.map((t) => ({ purpose: t.purpose, email: t.email, sentAt: t.created_at, expiresAt: t.expires_at, usedAt: t.used_at })),
  };
}
