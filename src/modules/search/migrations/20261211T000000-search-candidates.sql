-- Bounded work for queries that match a large share of the index (decision 0015, "Large
-- result sets"): results are ranked among the newest matches and the newest matches in a
-- title, each read in date order from an index, instead of ranking every match.
alter table search_documents add column title_vector tsvector;
update search_documents set title_vector = to_tsvector('public.fr_search', title);
alter table search_documents alter column title_vector set not null;
create index search_documents_title_vector_idx on search_documents using gin (title_vector);
create index search_documents_dated_idx on search_documents (dated_on desc nulls last, kind, source_id desc);

create or replace function search_refresh(source regclass, kinds text[], ids integer[]) returns void
  language plpgsql
  as $$
  begin
    if ids is null or cardinality(ids) = 0 then
      return;
    end if;
    delete from search_documents where kind = any(kinds) and source_id = any(ids);
    execute format(
      'insert into search_documents (kind, source_id, path, title, teaser, body, published_at, dated_on, status,
         theme_ids, neighbourhood_ids, title_folded, document, title_vector)
       select s.kind, s.source_id, s.path, s.title, s.teaser, s.body, s.published_at, s.dated_on, s.status,
         s.theme_ids, s.neighbourhood_ids, lower(f_unaccent(s.title)), search_vector(s.title, s.teaser, s.body),
         to_tsvector(''public.fr_search'', s.title)
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

