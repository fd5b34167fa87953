-- Foundation schema: site settings, media, themes, neighbourhoods and content.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary), which generated columns refuse;
-- this wrapper pins the dictionary so it can be declared IMMUTABLE.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table site_settings (
  id smallint primary key default 1 check (id = 1),
  site_name text not null,
  short_name text not null,
  tagline text not null default '',
  brand_color text not null default '#1d4f91',
  brand_color_dark text not null default '#12325c',
  contact_email text not null default '',
  contact_address text not null default '',
  updated_at timestamptz not null default now()
);

create table media (
  id serial primary key,
  file_key text not null unique,
  mime text not null,
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  -- widths of the generated variants, each available as WebP and JPEG
  variant_widths integer[] not null default '{}',
  alt text not null default '',
  caption text not null default '',
  credit text not null default '',
  focal_x real not null default 0.5 check (focal_x between 0 and 1),
  focal_y real not null default 0.5 check (focal_y between 0 and 1),
  created_at timestamptz not null default now()
);

create table themes (
  id serial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  description text not null default '',
  color text not null default '#1d4f91' check (color ~ '^#[0-9a-fA-F]{6}$'),
  position integer not null default 0
);

create table neighbourhoods (
  id serial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  kind text not null check (kind in ('quartier', 'commune', 'qpv')),
  code text,
  description text not null default '',
  position integer not null default 0,
  unique (kind, code)
);

create table content_items (
  id serial primary key,
  kind text not null check (kind in ('article', 'page')),
  parent_id integer references content_items(id) on delete restrict,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- full public path for pages ('/solidarite/politique-de-la-ville'), '/actualites/<slug>' for articles
  path text not null unique,
  title text not null check (length(title) between 1 and 200),
  standfirst text not null default '',
  body text not null default '',
  status text not null default 'draft'
    check (status in ('draft', 'review', 'scheduled', 'published', 'unpublished', 'archived')),
  published_at timestamptz,
  hero_media_id integer references media(id) on delete set null,
  featured boolean not null default false,
  -- pages with a menu title appear in the main navigation, by menu_position
  menu_title text,
  menu_position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_vector tsvector generated always as (
    setweight(to_tsvector('french', f_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector('french', f_unaccent(coalesce(standfirst, ''))), 'B') ||
    setweight(to_tsvector('french', f_unaccent(coalesce(body, ''))), 'C')
  ) stored,
  check (kind = 'page' or parent_id is null),
  check (status <> 'published' or published_at is not null)
);
create index content_items_published_idx on content_items (kind, published_at desc) where status = 'published';
create index content_items_parent_idx on content_items (parent_id);
create index content_items_search_idx on content_items using gin (search_vector);
-- siblings cannot share a slug, articles are unique by slug
create unique index content_items_sibling_slug_idx on content_items (kind, coalesce(parent_id, 0), slug);

create table content_themes (
  content_id integer not null references content_items(id) on delete cascade,
  theme_id integer not null references themes(id) on delete cascade,
  position integer not null default 0,
  primary key (content_id, theme_id)
);
create index content_themes_theme_idx on content_themes (theme_id);

create table content_neighbourhoods (
  content_id integer not null references content_items(id) on delete cascade,
  neighbourhood_id integer not null references neighbourhoods(id) on delete cascade,
  primary key (content_id, neighbourhood_id)
);
create index content_neighbourhoods_neighbourhood_idx on content_neighbourhoods (neighbourhood_id);

-- "Lire aussi" items pinned by an editor, shown before the computed matches
create table content_related (
  content_id integer not null references content_items(id) on delete cascade,
  related_id integer not null references content_items(id) on delete cascade,
  position integer not null default 0,
  primary key (content_id, related_id),
  check (content_id <> related_id)
);
