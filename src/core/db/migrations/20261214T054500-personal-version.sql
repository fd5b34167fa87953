-- users.personal_version: a counter bumped whenever something a signed-in page shows about its
-- viewer changes (favourites, interests: the owning modules attach the triggers). It is read
-- with the session on every request, so a process can keep a person's facts and "Pour vous" in
-- memory and know, without another query, when they went stale, whichever process wrote.
alter table users add column personal_version integer not null default 0;

-- For statement-level AFTER triggers declared with `referencing old table as old_rows new table
-- as new_rows` (either or both): one update per statement, whatever the number of rows.
create function bump_personal_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update users set personal_version = (personal_version + 1) % 2147483647
      where id in (select user_id from new_rows);
  elsif tg_op = 'DELETE' then
    update users set personal_version = (personal_version + 1) % 2147483647
      where id in (select user_id from old_rows);
  else
    update users set personal_version = (personal_version + 1) % 2147483647
      where id in (select user_id from old_rows union select user_id from new_rows);
  end if;
  return null;
end $$;
