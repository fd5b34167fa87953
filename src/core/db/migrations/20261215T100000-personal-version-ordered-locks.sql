-- bump_personal_version locks the users it bumps in id order. Its update used to lock them in
-- whatever order its plan met them, so two transactions bumping overlapping sets of people (two
-- status changes of actions with common followers, each inserting notices in one statement)
-- could each hold a row the other waited for: PostgreSQL then aborted one with a deadlock
-- (40P01). Seen on PostgreSQL with 2 concurrent inserts of notices for the same 20 people in
-- opposite orders: 5 deadlocks in 300 rounds; none with the ordered lock
-- (personal-version-locks.int.test.ts).
create or replace function bump_personal_version() returns trigger language plpgsql as $$
declare
  ids integer[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct user_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct user_id) into ids from old_rows;
  else
    select array_agg(distinct user_id) into ids from (select user_id from old_rows union select user_id from new_rows) r;
  end if;
  if ids is null then
    return null;
  end if;
  perform 1 from users where id = any(ids) order by id for no key update;
  update users set personal_version = (personal_version + 1) % 2147483647 where id = any(ids);
  return null;
end $$;
