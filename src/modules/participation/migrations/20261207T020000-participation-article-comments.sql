-- Participation (issue #15): comments on articles, off by default. An editor opens an
-- article to comments (decision 0017); its comments are rows of participation_comments with
-- target_kind 'article'.
alter table participation_comments drop constraint participation_comments_target_kind_check;
alter table participation_comments add constraint participation_comments_target_kind_check
  check (target_kind in ('action', 'neighbourhood', 'article'));

create table participation_open_articles (
  content_id integer primary key references content_items(id) on delete cascade,
  opened_by integer references users(id) on delete set null,
  opened_at timestamptz not null default now()
);
