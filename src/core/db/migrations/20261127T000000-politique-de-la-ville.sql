-- Politique de la Ville as structured data: contracts, priorities, objectives, actions
-- with funding lines and milestones, organisations, perimeters and indicators.

-- The territory this deployment covers (INSEE commune codes), used to filter national
-- files such as the ANCT list of QPV perimeters.
alter table site_settings add column commune_codes text[] not null default '{}';

-- Perimeters (GeoJSON Polygon/MultiPolygon, WGS84, RFC 7946 winding) and facts of
-- neighbourhoods and QPV.
alter table neighbourhoods add column geometry jsonb;
alter table neighbourhoods add column population integer check (population is null or population >= 0);
alter table neighbourhoods add column commune_codes text[] not null default '{}';
alter table neighbourhoods add column geometry_source text not null default '';
alter table neighbourhoods add column geometry_updated_at timestamptz;

create table organisations (
  id serial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null default 'association'
    check (kind in ('association', 'service', 'conseil_citoyen', 'bailleur', 'entreprise', 'etablissement', 'autre')),
  website text check (website is null or website ~ '^https://'),
  description text not null default ''
);

create table contracts (
  id serial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  generation text not null check (generation in ('2015', '2024')),
  period_start integer not null,
  period_end integer not null check (period_end >= period_start),
  territory text not null default '',
  description text not null default '',
  -- how a parent's progress rolls up from its children: by budget or with equal weights
  progress_rule text not null default 'budget' check (progress_rule in ('budget', 'equal')),
  position integer not null default 0
);

create table priorities (
  id serial primary key,
  contract_id integer not null references contracts(id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null,
  description text not null default '',
  position integer not null default 0,
  -- optional mapping from a 2015 pillar to the 2024 priority that continues it
  continues_priority_id integer references priorities(id) on delete set null,
  unique (contract_id, slug)
);

create table objectives (
  id serial primary key,
  priority_id integer not null references priorities(id) on delete cascade,
  title text not null,
  position integer not null default 0
);

create table actions (
  id serial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  priority_id integer not null references priorities(id) on delete restrict,
  objective_id integer references objectives(id) on delete set null,
  title text not null check (length(title) between 1 and 200),
  summary text not null default '',
  description text not null default '',
  lead_organisation_id integer references organisations(id) on delete set null,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'completed', 'delayed', 'cancelled')),
  progress integer not null default 0 check (progress between 0 and 100),
  start_date date,
  end_date date,
  -- demo data is marked so that it can never be mistaken for the city's real record
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or start_date is null or end_date >= start_date)
);
create index actions_priority_idx on actions (priority_id);

create table action_partners (
  action_id integer not null references actions(id) on delete cascade,
  organisation_id integer not null references organisations(id) on delete cascade,
  primary key (action_id, organisation_id)
);

create table action_neighbourhoods (
  action_id integer not null references actions(id) on delete cascade,
  neighbourhood_id integer not null references neighbourhoods(id) on delete cascade,
  primary key (action_id, neighbourhood_id)
);
create index action_neighbourhoods_neighbourhood_idx on action_neighbourhoods (neighbourhood_id);

create table funding_lines (
  id serial primary key,
  action_id integer not null references actions(id) on delete cascade,
  funder text not null check (funder in ('etat', 'ville', 'metropole', 'region', 'departement', 'caf', 'europe', 'bailleur', 'autre')),
  amount numeric(14, 2) not null check (amount >= 0),
  year integer not null check (year between 2000 and 2100),
  label text not null default ''
);
create index funding_lines_action_idx on funding_lines (action_id);

create table milestones (
  id serial primary key,
  action_id integer not null references actions(id) on delete cascade,
  due_date date not null,
  title text not null,
  done boolean not null default false,
  position integer not null default 0
);
create index milestones_action_idx on milestones (action_id);

create table action_articles (
  action_id integer not null references actions(id) on delete cascade,
  content_id integer not null references content_items(id) on delete cascade,
  primary key (action_id, content_id)
);

create table indicators (
  id serial primary key,
  metric text not null check (metric ~ '^[a-z0-9_]+$'),
  label text not null,
  territory_kind text not null check (territory_kind in ('qpv', 'quartier', 'commune', 'metropole')),
  territory_code text not null,
  territory_name text not null,
  year integer not null check (year between 1900 and 2100),
  value numeric(14, 4) not null,
  unit text not null default '',
  source text not null default '',
  unique (metric, territory_kind, territory_code, year)
);
