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
  commune_codes: ColumnType<string[], string[] | undefined, string[]>;
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
  original_name: Generated<string>;
  uploaded_by: number | null;
  size_bytes: Generated<number>;
  /** Encodings written for every variant width: "jpg" always, "webp", "avif". */
  formats: ColumnType<string[], string[] | undefined, string[]>;
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
  geometry: ColumnType<unknown | null, string | null | undefined, string | null>;
  population: number | null;
  commune_codes: ColumnType<string[], string[] | undefined, string[]>;
  geometry_source: Generated<string>;
  geometry_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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
  author_id: number | null;
  scheduled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
  preview_token_hash: string | null;
  preview_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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

export interface Database extends AccountTables, PolicyTables, BackOfficeTables {
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

export type Role = "resident" | "contributor" | "editor" | "policy" | "moderator" | "mediator" | "admin";

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
  totp_secret: string | null;
  totp_enabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  totp_last_step: number | null;
  totp_required: Generated<boolean>;
  /** Bumped by triggers when the person's favourites or interests change (core/http/personal-cache.ts). */
  personal_version: Generated<number>;
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
  id: Generated<number>;
  user_id: number;
  /** Exactly one of content_id and action_id is set. */
  content_id: number | null;
  action_id: number | null;
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

// ---- Politique de la Ville
type DateColumn = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Numeric = ColumnType<string, string | number, string | number>;

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: Generated<string>;
  website: string | null;
  description: Generated<string>;
}

export interface ContractsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  generation: "2015" | "2024";
  period_start: number;
  period_end: number;
  territory: Generated<string>;
  description: Generated<string>;
  progress_rule: Generated<"budget" | "equal">;
  position: Generated<number>;
}

export interface PrioritiesTable {
  id: Generated<number>;
  contract_id: number;
  slug: string;
  title: string;
  description: Generated<string>;
  position: Generated<number>;
  continues_priority_id: number | null;
}

export interface ObjectivesTable {
  id: Generated<number>;
  priority_id: number;
  title: string;
  position: Generated<number>;
}

export interface ActionsTable {
  id: Generated<number>;
  slug: string;
  priority_id: number;
  objective_id: number | null;
  title: string;
  summary: Generated<string>;
  description: Generated<string>;
  lead_organisation_id: number | null;
  status: Generated<string>;
  progress: Generated<number>;
  start_date: DateColumn;
  end_date: DateColumn;
  is_example: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ActionPartnersTable {
  action_id: number;
  organisation_id: number;
}

export interface ActionNeighbourhoodsTable {
  action_id: number;
  neighbourhood_id: number;
}

export interface FundingLinesTable {
  id: Generated<number>;
  action_id: number;
  funder: string;
  amount: Numeric;
  year: number;
  label: Generated<string>;
}

export interface MilestonesTable {
  id: Generated<number>;
  action_id: number;
  due_date: ColumnType<Date, Date | string, Date | string>;
  title: string;
  done: Generated<boolean>;
  position: Generated<number>;
}

export interface ActionArticlesTable {
  action_id: number;
  content_id: number;
}

export interface IndicatorsTable {
  id: Generated<number>;
  metric: string;
  label: string;
  territory_kind: "qpv" | "quartier" | "commune" | "metropole";
  territory_code: string;
  territory_name: string;
  year: number;
  value: Numeric;
  unit: Generated<string>;
  source: Generated<string>;
}

export interface PolicyTables {
  organisations: OrganisationsTable;
  contracts: ContractsTable;
  priorities: PrioritiesTable;
  objectives: ObjectivesTable;
  actions: ActionsTable;
  action_partners: ActionPartnersTable;
  action_neighbourhoods: ActionNeighbourhoodsTable;
  funding_lines: FundingLinesTable;
  milestones: MilestonesTable;
  action_articles: ActionArticlesTable;
  indicators: IndicatorsTable;
}

// ---- Back office
export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_id: number | null;
  actor_label: Generated<string>;
  action: string;
  target_type: Generated<string>;
  target_id: Generated<string>;
  target_label: Generated<string>;
  details: ColumnType<unknown, string | undefined, string>;
  ip: Generated<string>;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ContentRevisionsTable {
  id: Generated<number>;
  content_id: number;
  author_id: number | null;
  created_at: Timestamp;
  title: string;
  slug: string;
  standfirst: Generated<string>;
  body: Generated<string>;
  data: ColumnType<unknown, string | undefined, string>;
  origin: Generated<RevisionOrigin>;
}

export type RevisionOrigin = "save" | "autosave" | "restore" | "conflict";

export interface SlugRedirectsTable {
  old_path: string;
  content_id: number;
  created_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  done_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  created_at: Timestamp;
}

export interface BackOfficeTables {
  audit_events: AuditEventsTable;
  recovery_codes: RecoveryCodesTable;
  content_revisions: ContentRevisionsTable;
  slug_redirects: SlugRedirectsTable;
  jobs: JobsTable;
  pending_sign_ins: PendingSignInsTable;
  action_slug_redirects: ActionSlugRedirectsTable;
  staff_invitations: StaffInvitationsTable;
}

/** A staff role offered to an account, given only when the link is used (migration 20261206). */
export interface StaffInvitationsTable {
  id: Generated<number>;
  user_id: number;
  email: string;
  role: Exclude<Role, "resident">;
  token_hash: string;
  invited_by: number | null;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  accepted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ActionSlugRedirectsTable {
  old_slug: string;
  action_id: number;
  created_at: Timestamp;
}

export interface PendingSignInsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  return_to: Generated<string>;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
}
