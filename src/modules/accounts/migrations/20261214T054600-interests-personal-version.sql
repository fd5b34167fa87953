-- A change to a person's themes or quartiers (their own, or a cascade from a deleted theme or
-- quartier) bumps users.personal_version: "Pour vous" and the followed quartiers kept in
-- memory (core/http/personal-cache.ts) are then recomputed.
create trigger user_themes_personal_insert after insert on user_themes referencing new table as new_rows
  for each statement execute function bump_personal_version();
create trigger user_themes_personal_update after update on user_themes referencing old table as old_rows new table as new_rows
  for each statement execute function bump_personal_version();
create trigger user_themes_personal_delete after delete on user_themes referencing old table as old_rows
  for each statement execute function bump_personal_version();
create trigger user_neighbourhoods_personal_insert after insert on user_neighbourhoods referencing new table as new_rows
  for each statement execute function bump_personal_version();
create trigger user_neighbourhoods_personal_update after update on user_neighbourhoods referencing old table as old_rows new table as new_rows
  for each statement execute function bump_personal_version();
create trigger user_neighbourhoods_personal_delete after delete on user_neighbourhoods referencing old table as old_rows
  for each statement execute function bump_personal_version();
