-- A change to a person's on-site notices bumps users.personal_version, so that the unread count
-- beside "Mon compte" can be kept in memory per person (core/http/personal-cache.ts) and read
-- again only when it may have changed: a new notice (written in the transaction of whatever
-- caused it, other modules' event handlers included), "tout marquer comme lu", a notice
-- deleted by a cascade (account erasure). Whichever process or script writes, the next request
-- of that person reads the new version with their session and drops what was kept.
--
-- Statement-level triggers with transition tables (the shared bump_personal_version of the
-- core migration 20261214T054500): a status change of an action followed by N residents inserts
-- N notices in one statement and costs one trigger call and one update of the N users, where
-- row-level triggers would run N calls and N single-row updates inside that transaction.
-- An update that matches no row (everything already read) bumps nobody. Transition tables
-- cannot go with a column list (`update of read_at`), so any update bumps: only read_at is ever
-- updated.
create trigger participation_notifications_personal_insert after insert on participation_notifications
  referencing new table as new_rows
  for each statement execute function bump_personal_version();
create trigger participation_notifications_personal_update after update on participation_notifications
  referencing old table as old_rows new table as new_rows
  for each statement execute function bump_personal_version();
create trigger participation_notifications_personal_delete after delete on participation_notifications
  referencing old table as old_rows
  for each statement execute function bump_personal_version();
