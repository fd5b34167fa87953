-- Participation (issue #15), the proposals part: residents' ideas ("idées") for a quartier and
-- a priority of the contrat de ville, the city's answer, supports, the members of
-- organisations (conseils citoyens and associations are rows of the policy module's
-- `organisations` directory: decision 0017), and contributions a mediator recorded for a named
-- resident who consented (assisted entry).

-- Who may post on behalf of an organisation.
create table participation_memberships (
  organisation_id integer not null references organisations(id) on delete cascade,
  user_id integer not null references users(id) on delete cascade,
  added_by integer references users(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index participation_memberships_user_idx on participation_memberships (user_id);

create table proposals (
  id serial primary key,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  title text not null check (length(title) between 1 and 150),
  description text not null check (length(description) between 1 and 5000),
  neighbourhood_id integer not null references neighbourhoods(id) on delete restrict,
  priority_id integer references priorities(id) on delete set null,
  -- the account that wrote it (null once that account is erased: shown as "Participant supprimé")
  author_id integer references users(id) on delete set null,
  -- posted on behalf of an organisation the author was a member of
  organisation_id integer references organisations(id) on delete set null,
  -- assisted entry: the mediator's account and the name shown ("saisie assistée par …"), the
  -- name the resident agreed to show, and when they consented
  assisted_by integer references users(id) on delete set null,
  assisted_by_name text check (assisted_by_name is null or length(assisted_by_name) between 1 and 200),
  resident_name text check (resident_name is null or length(resident_name) between 1 and 80),
  consent_at timestamptz,
  media_id integer references media(id) on delete set null,
  -- the city's answer: reçue, à l'étude, retenue (-> the action it became), non retenue (a reason)
  status text not null default 'received' check (status in ('received', 'under_study', 'accepted', 'rejected')),
  answer text not null default '' check (length(answer) <= 3000),
  action_id integer references actions(id) on delete set null,
  answered_at timestamptz,
  answered_by integer references users(id) on delete set null,
  -- what the moderation left visible (pending: pre-moderated, not yet approved)
  moderation text not null default 'visible' check (moderation in ('pending', 'visible', 'hidden')),
  moderation_reason text not null default '' check (length(moderation_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'rejected' or answer <> ''),
  check (resident_name is null or (consent_at is not null and assisted_by_name is not null))
);
create index proposals_neighbourhood_idx on proposals (neighbourhood_id, created_at desc);
create index proposals_priority_idx on proposals (priority_id);
create index proposals_action_idx on proposals (action_id) where action_id is not null;
create index proposals_author_idx on proposals (author_id, created_at desc);
create index proposals_list_idx on proposals (moderation, created_at desc);

-- One support per account and proposal (the unique index is what makes 20 parallel clicks
-- count once), or one per named resident recorded by a mediator.
create table proposal_supports (
  id serial primary key,
  proposal_id integer not null references proposals(id) on delete cascade,
  user_id integer references users(id) on delete cascade,
  assisted_by integer references users(id) on delete set null,
  resident_name text check (resident_name is null or length(resident_name) between 1 and 80),
  created_at timestamptz not null default now(),
  check (num_nonnulls(user_id, resident_name) = 1)
);
create unique index proposal_supports_user_idx on proposal_supports (proposal_id, user_id) where user_id is not null;
create unique index proposal_supports_resident_idx on proposal_supports (proposal_id, lower(resident_name)) where resident_name is not null;
create index proposal_supports_user_lookup_idx on proposal_supports (user_id) where user_id is not null;
