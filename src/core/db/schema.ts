// Kysely table types. Kept by hand next to the SQL migrations: a column added in a
// migration is added here in the same commit.
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SiteSettingsTable {
  id: Generated<number>;
  site_name: string;
  short_name: string;
  tagline: Generated<string>;
  brand_color: Generated<string>;
  brand_color_dark: Generated<string>;
  contact_email: Generated<string>;
  contact_address: Generated<string>;
  updated_at: Timestamp;
}

export interface MediaTable {
  id: Generated<number>;
  file_key: string;
  mime: string;
  width: number;
  height: number;
  variant_widths: ColumnType<number[], number[] | undefined, number[]>;
  alt: Generated<string>;
  caption: Generated<string>;
  credit: Generated<string>;
  focal_x: Generated<number>;
  focal_y: Generated<number>;
  created_at: Timestamp;
}

export interface ThemesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  color: Generated<string>;
  position: Generated<number>;
}

export type NeighbourhoodKind = "quartier" | "commune" | "qpv";

export interface NeighbourhoodsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: NeighbourhoodKind;
  code: string | null;
  description: Generated<string>;
  position: Generated<number>;
}

export type ContentKind = "article" | "page";
export type ContentStatus = "draft" | "review" | "scheduled" | "published" | "unpublished" | "archived";

export interface ContentItemsTable {
  id: Generated<number>;
  kind: ContentKind;
  parent_id: number | null;
  slug: string;
  path: string;
  title: string;
  standfirst: Generated<string>;
  body: Generated<string>;
  status: Generated<ContentStatus>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  hero_media_id: number | null;
  featured: Generated<boolean>;
  menu_title: string | null;
  menu_position: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  search_vector: ColumnType<string, never, never>;
}

export interface ContentThemesTable {
  content_id: number;
  theme_id: number;
  position: Generated<number>;
}

export interface ContentNeighbourhoodsTable {
  content_id: number;
  neighbourhood_id: number;
}

export interface ContentRelatedTable {
  content_id: number;
  related_id: number;
  position: Generated<number>;
}

export interface Database extends AccountTables {
  site_settings: SiteSettingsTable;
  media: MediaTable;
  themes: ThemesTable;
  neighbourhoods: NeighbourhoodsTable;
  content_items: ContentItemsTable;
  content_themes: ContentThemesTable;
  content_neighbourhoods: ContentNeighbourhoodsTable;
  content_related: ContentRelatedTable;
}

export type MediaRow = Selectable<MediaTable>;
export type ThemeRow = Selectable<ThemesTable>;
export type NeighbourhoodRow = Selectable<NeighbourhoodsTable>;
export type ContentItemRow = Selectable<ContentItemsTable>;
export type NewContentItem = Insertable<ContentItemsTable>;

export type Role = "resident" | "contributor" | "editor" | "policy" | "admin";

export interface UsersTable {
  id: Generated<number>;
  email: string;
  email_verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  password_hash: string;
  display_name: Generated<string>;
  role: Generated<Role>;
  digest_consent: Generated<boolean>;
  digest_consent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_sign_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  password_changed_at: Timestamp;
}

export interface UserThemesTable {
  user_id: number;
  theme_id: number;
  created_at: Timestamp;
}

export interface UserNeighbourhoodsTable {
  user_id: number;
  neighbourhood_id: number;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  user_agent: Generated<string>;
}

export type TokenPurpose = "verify_email" | "reset_password";

export interface UserTokensTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  purpose: TokenPurpose;
  email: string | null;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface RateLimitsTable {
  key: string;
  window_start: ColumnType<Date, Date | string, Date | string>;
  count: Generated<number>;
}

export interface FavouritesTable {
  user_id: number;
  content_id: number;
  created_at: Timestamp;
}

export interface AccountTables {
  users: UsersTable;
  user_themes: UserThemesTable;
  user_neighbourhoods: UserNeighbourhoodsTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  rate_limits: RateLimitsTable;
  favourites: FavouritesTable;
}
