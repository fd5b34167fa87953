-- E-mail digests (issue #14, docs/decisions/0016-digests.md).

-- One row per resident who chose settings or received a digest. A resident who consented
-- (users.digest_consent) without a row gets the defaults: weekly, Monday, 8 h (Europe/Paris).
create table digest_subscriptions (
  user_id integer primary key references users(id) on delete cascade,
  frequency text not null default 'weekly' check (frequency in ('daily', 'weekly', 'off')),
  hour smallint not null default 8 check (hour between 0 and 23),
  weekday smallint not null default 1 check (weekday between 1 and 7),
  with_interests boolean not null default true,
  with_favourites boolean not null default true,
  -- the period of the last digest composed ('J2026-12-10' daily, 'S2026-W50' weekly) and
  -- the instant it covered up to (the next one starts there)
  last_key text,
  last_until timestamptz,
  -- a permanent delivery failure (5xx, invalid address): no more digests until the resident
  -- saves their settings again
  bounced_at timestamptz,
  bounce_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index digest_subscriptions_bounced_idx on digest_subscriptions (bounced_at) where bounced_at is not null;

-- One row per hourly run (its job is unique per period in `jobs`): progress and totals.
create table digest_runs (
  id serial primary key,
  period_start timestamptz not null unique,
  started_at timestamptz not null,
  finished_at timestamptz,
  examined integer not null default 0,
  queued integer not null default 0,
  empty integer not null default 0
);

-- The transactional outbox: a digest to send, decided (which items) in the same transaction
-- as its job; at most one per (resident, period) by the unique key.
create table digest_deliveries (
  id serial primary key,
  user_id integer not null references users(id) on delete cascade,
  period_key text not null,
  run_id integer references digest_runs(id) on delete set null,
  since timestamptz not null,
  until timestamptz not null,
  -- {"n": new content ids ranked, "u": updated favourite content ids, "a": updated favourite action ids}
  items jsonb not null,
  total integer not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'uncertain')),
  sending_at timestamptz,
  sent_at timestamptz,
  error text,
  created_at timestamptz not null,
  unique (user_id, period_key)
);
create index digest_deliveries_run_idx on digest_deliveries (run_id, status);
create index digest_deliveries_status_idx on digest_deliveries (status) where status in ('failed', 'uncertain');

-- The key that signs unsubscribe links, made at first use (one row).
create table digest_keys (
  id smallint primary key check (id = 1),
  secret text not null
);
