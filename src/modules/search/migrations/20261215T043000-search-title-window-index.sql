-- Cheaper searches for common words on a large index (issue #12; decision 0015, "Large result
-- sets", measured there).
--
-- 1. The date-ordered index carries published_at and title_vector: "the newest public
--    documents with a searched word in their title" is then an index-only scan in date order
--    that stops at the window, instead of fetching every title match from the table (for a
--    common word, thousands of rows) to sort them. Titles are at most 200 characters (checks
--    on content_items, actions, proposals), so their tsvector fits a btree entry.
--    Partial: documents that are not public (published_at null: drafts, items in review or
--    scheduled, hidden ideas) are never returned, but they have dates, often the newest ones
--    (a scheduled item's day is to come), and every date-ordered read stepped over them. Every
--    search has `published_at <= $now`, which implies the index's predicate.
-- 2. published_at alone: the search results cache (cache.ts) asks for the next instant a
--    document becomes public, the bound of what it may keep.
drop index search_documents_dated_idx;
create index search_documents_dated_idx on search_documents (dated_on desc nulls last, kind, source_id desc)
  include (published_at, title_vector) where published_at is not null;
create index search_documents_published_idx on search_documents (published_at);
