-- The back office's content list at 100,000 items (issue #12 --scale: about 1 req/s): it sorted
-- every item by update date for each page of 25 (58 ms on PostgreSQL, now an index walk: 0.1 ms),
-- counted them from the table (27 ms, now from this smaller index: 8 ms), and the author filter
-- scanned every item for its distinct authors (now an index skip: content/admin/queries.ts).
create index content_items_updated_idx on content_items (updated_at desc, id desc);
create index content_items_author_idx on content_items (author_id);
