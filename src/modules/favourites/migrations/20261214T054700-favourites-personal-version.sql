-- Adding or removing a favourite (or losing one with its content item or action) bumps
-- users.personal_version: the favourite ids kept in memory for signed-in pages
-- (core/http/personal-cache.ts) are then read again. An add that changes nothing (ON CONFLICT
-- DO NOTHING) inserts no row and bumps nothing.
create trigger favourites_personal_insert after insert on favourites referencing new table as new_rows
  for each statement execute function bump_personal_version();
create trigger favourites_personal_update after update on favourites referencing old table as old_rows new table as new_rows
  for each statement execute function bump_personal_version();
create trigger favourites_personal_delete after delete on favourites referencing old table as old_rows
  for each statement execute function bump_personal_version();
