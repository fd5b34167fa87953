-- Site search (issue #13, decision 0015): one index over articles, pages and Politique de la
-- Ville actions, owned by the search module. Database triggers on the source tables keep it
-- current in the same transaction as every write (back office, publishing job, imports, bulk
-- SQL): nothing that writes a source table can forget it.

-- French with accent folding: every word goes through unaccent, then the French Snowball
-- stemmer. "Médiathèques" and "mediatheque" give the same lexeme, and ts_headline can mark
-- "Médiathèque" in the original text for the query "mediatheque".
create text search configuration public.fr_search (copy = pg_catalog.french);
alter text search configuration public.fr_search
  alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
  with public.unaccent, pg_catalog.french_stem;

-- Plain text of stored HTML (bodies and descriptions are sanitised HTML): tags become spaces,
-- the entities the sanitiser writes are decoded, control characters (the excerpt markers of
-- the search module) are removed.
create function search_plain_text(html text) returns text
  language sql immutable parallel safe
  as $$
    select btrim(regexp_replace(
      replace(replace(replace(replace(replace(replace(replace(
        regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'),
        '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&#x27;', ''''), '&amp;', '&'),
      '[[:cntrl:][:space:]]+', ' ', 'g'))
  $$;

-- Title above teaser above body: weights A, B and C (the query ranks with {0, 0.05, 0.3, 1}).
create function search_vector(title text, teaser text, body text) returns tsvector
  language sql immutable parallel safe
  as $$
    select setweight(to_tsvector('public.fr_search', coalesce(title, '')), 'A')
      || setweight(to_tsvector('public.fr_search', coalesce(teaser, '')), 'B')
      || setweight(to_tsvector('public.fr_search', coalesce(body, '')), 'C')
  $$;

create table search_documents (
  -- 'article', 'page', 'action' today; another module adds its own kind (README: "Feeding the index")
  kind text not null check (kind ~ '^[a-z_]{1,30}$'),
  source_id integer not null,
  path text not null,
  title text not null,
  teaser text not null default '',
  body text not null default '',
  -- public from this instant (the query compares it with the request's clock, so a scheduled
  -- item never shows early); null: not public (draft, in review, unpublished, archived)
  published_at timestamptz,
  -- the day the date filter compares: publication day (Paris) of content, start of an action
  dated_on date,
  -- state of an action (planned, in_progress, ...); null for content
  status text,
  theme_ids integer[] not null default '{}',
  neighbourhood_ids integer[] not null default '{}',
  -- lower-case, accent-free title for trigram similarity (typos)
  title_folded text not null,
  document tsvector not null,
  primary key (kind, source_id)
);
create index search_documents_document_idx on search_documents using gin (document);
create index search_documents_title_trgm_idx on search_documents using gin (title_folded gin_trgm_ops);
create index search_documents_themes_idx on search_documents using gin (theme_ids);
create index search_documents_neighbourhoods_idx on search_documents using gin (neighbourhood_ids);

-- Dictionary of the words of public titles and teasers ("Essayez avec : ..."): the folded
-- form (what trigram similarity compares) and one spelling with its accents (what is shown).
-- Stop words and words of drafts or scheduled items never enter it; a word stays after its
-- document goes (a suggestion is only offered when it finds public results).
create table search_words (
  word text primary key,
  display text not null
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

-- What each source contributes, one row per document, with the columns of search_documents.
create view search_source_content as
  select
    c.kind,
    c.id as source_id,
    c.path,
    c.title,
    c.standfirst as teaser,
    search_plain_text(c.body) as body,
    case when c.status = 'published' then c.published_at end as published_at,
    (c.published_at at time zone 'Europe/Paris')::date as dated_on,
    null::text as status,
    coalesce((select array_agg(t.theme_id order by t.theme_id) from content_themes t where t.content_id = c.id), '{}') as theme_ids,
    coalesce((select array_agg(n.neighbourhood_id order by n.neighbourhood_id) from content_neighbourhoods n where n.content_id = c.id), '{}') as neighbourhood_ids
  from content_items c;

-- Actions are public as soon as they exist (the Politique de la Ville pages show them all).
create view search_source_actions as
  select
    'action'::text as kind,
    a.id as source_id,
    '/politique-de-la-ville/actions/' || a.slug as path,
    a.title,
    a.summary as teaser,
    search_plain_text(a.description) as body,
    '-infinity'::timestamptz as published_at,
    coalesce(a.start_date, (a.created_at at time zone 'Europe/Paris')::date) as dated_on,
    a.status,
    '{}'::integer[] as theme_ids,
    coalesce((select array_agg(n.neighbourhood_id order by n.neighbourhood_id) from action_neighbourhoods n where n.action_id = a.id), '{}') as neighbourhood_ids
  from actions a;

-- Rebuilds the documents `ids` of the kinds `kinds` from the view `source` (set-based: one
-- statement for a bulk import of 100,000 rows), and adds the new words of public documents.
create function search_refresh(source regclass, kinds text[], ids integer[]) returns void
  language plpgsql
  as $$
  begin
    if ids is null or cardinality(ids) = 0 then
      return;
    end if;
    delete from search_documents where kind = any(kinds) and source_id = any(ids);
    execute format(
      'insert into search_documents (kind, source_id, path, title, teaser, body, published_at, dated_on, status,
         theme_ids, neighbourhood_ids, title_folded, document)
       select s.kind, s.source_id, s.path, s.title, s.teaser, s.body, s.published_at, s.dated_on, s.status,
         s.theme_ids, s.neighbourhood_ids, lower(f_unaccent(s.title)), search_vector(s.title, s.teaser, s.body)
       from %s s where s.kind = any($1) and s.source_id = any($2)', source)
      using kinds, ids;
    insert into search_words (word, display)
      select distinct on (f_unaccent(w)) f_unaccent(w), w
      from search_documents d,
        unnest(tsvector_to_array(to_tsvector('simple', lower(d.title || ' ' || d.teaser)))) as w
      where d.kind = any(kinds) and d.source_id = any(ids) and d.published_at <= now()
        and f_unaccent(w) ~ '^[a-z]{3,40}$' and length(to_tsvector('public.fr_search', w)) > 0
      order by f_unaccent(w), w
    on conflict (word) do nothing;
  end
  $$;

-- Statement-level trigger of a source table: TG_ARGV = the view, its kinds, the column that
-- holds the document's id in the changed table.
create function search_source_changed() returns trigger
  language plpgsql
  as $$
  declare
    ids integer[];
  begin
    if tg_op = 'INSERT' then
      execute format('select array_agg(distinct %I) from new_rows', tg_argv[2]) into ids;
    elsif tg_op = 'DELETE' then
      execute format('select array_agg(distinct %I) from old_rows', tg_argv[2]) into ids;
    else
      execute format('select array_agg(distinct x) from (select %1$I as x from new_rows union select %1$I from old_rows) s', tg_argv[2]) into ids;
    end if;
    perform search_refresh(tg_argv[0]::regclass, tg_argv[1]::text[], ids);
    return null;
  end
  $$;

create trigger search_insert after insert on content_items referencing new table as new_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'id');
create trigger search_update after update on content_items referencing old table as old_rows new table as new_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'id');
create trigger search_delete after delete on content_items referencing old table as old_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'id');

create trigger search_insert after insert on content_themes referencing new table as new_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'content_id');
create trigger search_update after update on content_themes referencing old table as old_rows new table as new_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'content_id');
create trigger search_delete after delete on content_themes referencing old table as old_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'content_id');

create trigger search_insert after insert on content_neighbourhoods referencing new table as new_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'content_id');
create trigger search_update after update on content_neighbourhoods referencing old table as old_rows new table as new_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'content_id');
create trigger search_delete after delete on content_neighbourhoods referencing old table as old_rows
  for each statement execute function search_source_changed('search_source_content', '{article,page}', 'content_id');

create trigger search_insert after insert on actions referencing new table as new_rows
  for each statement execute function search_source_changed('search_source_actions', '{action}', 'id');
create trigger search_update after update on actions referencing old table as old_rows new table as new_rows
  for each statement execute function search_source_changed('search_source_actions', '{action}', 'id');
create trigger search_delete after delete on actions referencing old table as old_rows
  for each statement execute function search_source_changed('search_source_actions', '{action}', 'id');

create trigger search_insert after insert on action_neighbourhoods referencing new table as new_rows
  for each statement execute function search_source_changed('search_source_actions', '{action}', 'action_id');
create trigger search_update after update on action_neighbourhoods referencing old table as old_rows new table as new_rows
  for each statement execute function search_source_changed('search_source_actions', '{action}', 'action_id');
create trigger search_delete after delete on action_neighbourhoods referencing old table as old_rows
  for each statement execute function search_source_changed('search_source_actions', '{action}', 'action_id');

-- Backfill what exists.
select search_refresh('search_source_content', '{article,page}', array(select id from content_items));
select search_refresh('search_source_actions', '{action}', array(select id from actions));
