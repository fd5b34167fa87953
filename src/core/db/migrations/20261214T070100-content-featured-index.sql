-- The home page's featured pages, newest first, without reading every published page (issue #12:
-- with 2,000 pages the kind/date index was read through and filtered on `featured`).
create index content_items_featured_idx on content_items (kind, published_at desc, id desc) where status = 'published' and featured;
