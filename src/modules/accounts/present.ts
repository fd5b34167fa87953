// Rows -> what the account pages show: explicit view types, never a raw row (no password
// hash, token or internal flag can reach a page by accident).
import type { listSessions } from "../../core/auth/sessions.js";
import type { findInterests, findUserById } from "./queries.js";

/** One checkbox of an interest list. */
export interface Choice {
  value: number;
  label: string;
}

export function presentThemeChoices(rows: ReadonlyArray<{ id: number; name: string }>): Choice[] {
  return rows.map((t) => ({ value: t.id, label: t.name }));
}

export function presentPlaceChoices(rows: ReadonlyArray<{ id: number; name: string; kind: string }>): Choice[] {
  return rows.map((p) => ({ value: p.id, label: p.kind === "qpv" ? `${p.name} (quartier prioritaire)` : p.name }));
}

export interface SessionView {
  id: number;
  current: boolean;
  device: string;
  startedAt: Date;
  lastSeenAt: Date;
}

type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

export function presentSession(row: SessionRow, currentId: number): SessionView {
  return { id: row.id, current: row.id === currentId, device: describeDevice(row.user_agent), startedAt: row.created_at, lastSeenAt: row.last_seen_at };
}

/** A short, readable description of a browser from its User-Agent. */
export function describeDevice(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (browser && os) return `${browser} sur ${os}`;
  return browser ?? os ?? "Navigateur inconnu";
}

export interface PreferencesValues {
  displayName: string;
  themeIds: number[];
  neighbourhoodIds: number[];
  digestConsent: boolean;
  email: string;
  newEmail: string;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
type InterestRows = Awaited<ReturnType<typeof findInterests>>;

/** The preferences form as stored, before what the person typed is laid over it. */
export function presentPreferences(user: UserRow, interests: InterestRows): PreferencesValues {
  return {
    displayName: user.display_name,
    themeIds: interests.themeIds,
    neighbourhoodIds: interests.neighbourhoodIds,
    digestConsent: user.digest_consent,
    email: user.email,
    newEmail: "",
  };
}
