-- Participation (issue #15), the comments part (decision 0017): comments on actions and
-- neighbourhood pages (quartiers and QPV), the moderation shared with proposals (settings per
-- space, reports, the queue, blocks) and the on-site notifications.

-- Moderation settings per space: "comment:action", "comment:neighbourhood", "proposal", or one
-- target ("comment:action:12"), which wins over its kind's row. No row: post-moderation,
-- hidden for review after 3 reports.
create table participation_spaces (
  space text primary key check (space ~ '^[a-z_]+(:[a-z_]+)?(:[0-9]{1,10})?$'),
  premoderation boolean not null default false,
  report_threshold integer not null default 3 check (report_threshold between 1 and 100),
  updated_at timestamptz not null default now(),
  updated_by integer references users(id) on delete set null
);

create table participation_comments (
  id serial primary key,
  -- what the comment is about: a Politique de la Ville action or a neighbourhood page
  target_kind text not null check (target_kind in ('action', 'neighbourhood')),
  target_id integer not null,
  -- one level of replies: a reply's parent is a top-level comment (checked by the service)
  parent_id integer references participation_comments(id) on delete cascade,
  -- null once the author's account is erased (the body is erased with it: decision 0017)
  author_id integer references users(id) on delete set null,
  -- the quartier the author chose to show, if any
  neighbourhood_id integer references neighbourhoods(id) on delete set null,
  body text not null check (length(body) <= 2000),
  -- normalised body, for duplicate detection (same author, same text, recently)
  fingerprint text not null default '',
  -- pending: pre-moderated, not yet approved; hidden: by a moderator (public reason) or
  -- for review after enough reports (reason empty until a moderator decides)
  moderation text not null default 'visible' check (moderation in ('pending', 'visible', 'hidden')),
  moderation_reason text not null default '' check (length(moderation_reason) <= 500),
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  -- deleted by its author or erased with the account: kept as "contribution supprimée" while
  -- it has replies, the text gone
  deleted_at timestamptz
);
create index participation_comments_target_idx on participation_comments (target_kind, target_id, created_at);
create index participation_comments_parent_idx on participation_comments (parent_id) where parent_id is not null;
create index participation_comments_author_idx on participation_comments (author_id, created_at desc);

-- Reports, for any moderated kind ("comment", "proposal"): one per account and item.
create table participation_reports (
  id serial primary key,
  target_kind text not null check (target_kind ~ '^[a-z_]{1,30}$'),
  target_id integer not null,
  reporter_id integer not null references users(id) on delete cascade,
  reason text not null check (length(reason) between 1 and 500),
  created_at timestamptz not null default now(),
  -- set when a moderator decides on the item
  resolved_at timestamptz
);
create unique index participation_reports_once_idx on participation_reports (target_kind, target_id, reporter_id);
create index participation_reports_reporter_idx on participation_reports (reporter_id);

-- The moderators' queue: what waits for a decision (pre-moderated, or reported).
create table participation_queue (
  target_kind text not null check (target_kind ~ '^[a-z_]{1,30}$'),
  target_id integer not null,
  why text not null check (why in ('premoderation', 'reports')),
  queued_at timestamptz not null default now(),
  primary key (target_kind, target_id)
);
create index participation_queue_order_idx on participation_queue (queued_at);

-- An account blocked from participating until a date (a moderator's decision).
create table participation_blocks (
  id serial primary key,
  user_id integer not null references users(id) on delete cascade,
  blocked_until timestamptz not null,
  reason text not null check (length(reason) between 1 and 500),
  blocked_by integer references users(id) on delete set null,
  created_at timestamptz not null default now(),
  lifted_at timestamptz
);
create index participation_blocks_user_idx on participation_blocks (user_id, blocked_until desc);

-- On-site notifications (the account's inbox).
create table participation_notifications (
  id serial primary key,
  user_id integer not null references users(id) on delete cascade,
  kind text not null check (kind in ('reply', 'moderation', 'follow', 'answer', 'block')),
  message text not null check (length(message) between 1 and 1000),
  href text not null default '' check (length(href) <= 500),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index participation_notifications_user_idx on participation_notifications (user_id, created_at desc);
