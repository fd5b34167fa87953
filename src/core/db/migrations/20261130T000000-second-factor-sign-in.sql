-- A password accepted for an account with a second factor opens no session yet: it opens
-- a short-lived pending sign-in, finished by a TOTP or recovery code (or abandoned).
create table pending_sign_ins (
  id serial primary key,
  token_hash text not null unique,
  user_id integer not null references users(id) on delete cascade,
  return_to text not null default '/',
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index pending_sign_ins_user_idx on pending_sign_ins (user_id);
create index pending_sign_ins_expiry_idx on pending_sign_ins (expires_at);
