-- Residents' ideas in the site search (issue #13; the search module's README, "Feeding the
-- index"; decision 0015). An idea is public only while its moderation state is `visible`:
-- pending (pre-moderated quartier, not yet approved) and hidden (reports over the threshold or a
-- moderator's decision) give `published_at` null, so the search never returns them. Every write
-- that changes what is public is a write to `proposals` (moderation decisions, a report that
-- hides an idea, the city's answer, deletion, the author's erasure: ON DELETE SET NULL), so the
-- triggers below keep the index in the writing transaction.
create view search_source_proposals as
  select
    'proposal'::text as kind,
    p.id as source_id,
    '/participation/idees/' || p.id || '-' || p.slug as path,
    p.title,
    -- the description (plain text written by a resident), cut at a space near 240 characters:
    -- its start is the teaser, the rest the body (the search's excerpt joins them)
    t.teaser,
    ltrim(substr(p.description, length(t.teaser) + 1), E' \t\r\n') as body,
    case when p.moderation = 'visible' then p.created_at end as published_at,
    (p.created_at at time zone 'Europe/Paris')::date as dated_on,
    -- not an action status (the search's `statut` filter is about actions)
    null::text as status,
    '{}'::integer[] as theme_ids,
    array[p.neighbourhood_id] as neighbourhood_ids
  from proposals p
  cross join lateral (
    select case when length(p.description) <= 240 then p.description
      else rtrim(coalesce(substring(p.description from '^(.{1,240})\s'), left(p.description, 240)), E' \t\r\n') end as teaser
  ) t;

create trigger search_insert after insert on proposals referencing new table as new_rows
  for each statement execute function search_source_changed('search_source_proposals', '{proposal}', 'id');
create trigger search_update after update on proposals referencing old table as old_rows new table as new_rows
  for each statement execute function search_source_changed('search_source_proposals', '{proposal}', 'id');
create trigger search_delete after delete on proposals referencing old table as old_rows
  for each statement execute function search_source_changed('search_source_proposals', '{proposal}', 'id');

-- The ideas written before this migration.
select search_refresh('search_source_proposals', '{proposal}', array(select id from proposals));
