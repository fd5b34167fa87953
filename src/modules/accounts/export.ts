// "Télécharger mes données" (RGPD art. 15 and 20): everything held about an account,
// as JSON. Secrets (password hash, token hashes, CSRF tokens) are not personal data the
// person gave us and would only weaken the account if the file leaked: they are left out.
// What other modules hold about the person comes from their manifests' `personalData`
// (favourites, participation, digests...): this file knows none of their tables.
import type { AppDeps } from "../../core/deps.js";
import { listSessions } from "../../core/auth/sessions.js";
import { findUserById, interestsForExport, tokensForExport } from "./queries.js";

export async function exportAccountData(deps: AppDeps, userId: number, now: Date) {
  const { db } = deps;
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [{ themes, places }, sessions, tokens, modules] = await Promise.all([
    interestsForExport(db, userId),
    listSessions(db, userId),
    tokensForExport(db, userId),
    deps.modules.personalData(deps, userId),
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
    sessions: sessions.map((s) => ({ startedAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, device: s.user_agent })),
    emailLinks: tokens.map((t) => ({ purpose: t.purpose, email: t.email, sentAt: t.created_at, expiresAt: t.expires_at, usedAt: t.used_at })),
    ...modules,
  };
}
