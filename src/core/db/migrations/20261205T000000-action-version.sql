-- Optimistic concurrency for actions edited in the back office: a save names the version
-- its form was loaded with, and is refused (values kept) if someone saved in between.
alter table actions add column version integer not null default 1;
