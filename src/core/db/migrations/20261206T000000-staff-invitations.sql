-- Staff invitations (docs/decisions/0007). A role offered to an address is not given to
-- the account at once: it is given when the invitee sets a NEW password through the
-- e-mailed link, which also proves the address. Until then the account keeps its role
-- (resident) and whatever credential it had, so a password someone set before the
-- invitation (possibly not the address's owner) never carries a staff role.
create table staff_invitations (
  id serial primary key,
  user_id integer not null references users(id) on delete cascade,
  -- the invited address: the link applies only while the account still has it
  email text not null,
  role text not null check (role in ('contributor', 'editor', 'policy', 'admin')),
  token_hash text not null unique,
  invited_by integer references users(id) on delete set null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz
);
-- at most one open invitation per account: a new one replaces (revokes) the previous one
create unique index staff_invitations_open_idx on staff_invitations (user_id) where accepted_at is null and revoked_at is null;
