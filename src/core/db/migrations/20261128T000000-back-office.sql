-- Back office foundations: audit log, second factor for staff, revisions, old slugs,
-- a durable job queue, and media usage details.

create table audit_events (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_id integer references users(id) on delete set null,
  -- kept when the actor's account is deleted, so the trail stays readable
  actor_label text not null default '',
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)*$'),
  target_type text not null default '',
  target_id text not null default '',
  target_label text not null default '',
  details jsonb not null default '{}'::jsonb,
  ip text not null default ''
);
create index audit_events_occurred_idx on audit_events (occurred_at desc);
create index audit_events_actor_idx on audit_events (actor_id, occurred_at desc);
create index audit_events_target_idx on audit_events (target_type, target_id);

-- TOTP (RFC 6238) for staff; the secret is stored as entered in the authenticator app
alter table users add column totp_secret text;
alter table users add column totp_enabled_at timestamptz;
alter table users add column totp_last_step bigint;
alter table users add column totp_required boolean not null default false;

create table recovery_codes (
  id serial primary key,
  user_id integer not null references users(id) on delete cascade,
  code_hash text not null,
  used_at timestamptz
);
create index recovery_codes_user_idx on recovery_codes (user_id);

create table content_revisions (
  id serial primary key,
  content_id integer not null references content_items(id) on delete cascade,
  author_id integer references users(id) on delete set null,
  created_at timestamptz not null default now(),
  title text not null,
  slug text not null,
  standfirst text not null default '',
  body text not null default '',
  data jsonb not null default '{}'::jsonb
);
create index content_revisions_content_idx on content_revisions (content_id, created_at desc);

create table slug_redirects (
  old_path text primary key,
  content_id integer not null references content_items(id) on delete cascade,
  created_at timestamptz not null default now()
);

alter table content_items add column author_id integer references users(id) on delete set null;
alter table content_items add column scheduled_at timestamptz;
alter table content_items add column version integer not null default 1;

-- Durable jobs (scheduled publication...), claimed with FOR UPDATE SKIP LOCKED
create table jobs (
  id bigserial primary key,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  locked_until timestamptz,
  done_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index jobs_due_idx on jobs (run_at) where done_at is null;

alter table media add column original_name text not null default '';
alter table media add column uploaded_by integer references users(id) on delete set null;
alter table media add column size_bytes integer not null default 0;
