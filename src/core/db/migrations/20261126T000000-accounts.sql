-- Accounts: residents (and, later, staff), server-side sessions, single-use tokens,
-- rate-limit counters, interests and favourites.
create table users (
  id serial primary key,
  email text not null check (length(email) between 3 and 254),
  email_verified_at timestamptz,
  password_hash text not null,
  display_name text not null default '' check (length(display_name) <= 80),
  role text not null default 'resident' check (role in ('resident', 'contributor', 'editor', 'policy', 'admin')),
  digest_consent boolean not null default false,
  digest_consent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  password_changed_at timestamptz not null default now()
);
-- one account per address, whatever its case
create unique index users_email_idx on users (lower(email));

create table user_themes (
  user_id integer not null references users(id) on delete cascade,
  theme_id integer not null references themes(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, theme_id)
);

create table user_neighbourhoods (
  user_id integer not null references users(id) on delete cascade,
  neighbourhood_id integer not null references neighbourhoods(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, neighbourhood_id)
);

create table sessions (
  id serial primary key,
  -- sha256 of the 256-bit token held in the cookie: a database leak gives no usable cookie
  token_hash text not null unique,
  user_id integer not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text not null default '' check (length(user_agent) <= 300)
);
create index sessions_user_idx on sessions (user_id);

-- single-use tokens sent by e-mail (address verification, password reset), stored hashed
create table user_tokens (
  id serial primary key,
  token_hash text not null unique,
  user_id integer not null references users(id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  -- the address being verified (an e-mail change verifies the new one)
  email text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index user_tokens_user_idx on user_tokens (user_id, purpose);

-- fixed-window counters shared by every process and kept across restarts
create table rate_limits (
  key text not null,
  window_start timestamptz not null,
  count integer not null default 0,
  primary key (key, window_start)
);

create table favourites (
  user_id integer not null references users(id) on delete cascade,
  content_id integer not null references content_items(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, content_id)
);
create index favourites_user_created_idx on favourites (user_id, created_at desc);
