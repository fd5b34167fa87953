-- Job queue, for period-exact recurring tasks and long-lived deliveries (decision 0016):
--  - unique_key: a job that must exist once at most ("digests.run@2026-12-10T07:00:00.000Z"),
--    inserted with ON CONFLICT DO NOTHING by every process that schedules it;
--  - max_attempts: how many tries a job gets (5 by default; a digest survives a mail server
--    down for hours).
alter table jobs add column unique_key text;
alter table jobs add column max_attempts integer not null default 5;
create unique index jobs_unique_key on jobs (unique_key);
