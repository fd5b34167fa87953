-- "Lire aussi" at scale (issue #12): the ranking walks the newest published items in date
-- order and, only when needed, adds up an item's shared themes and places from the link
-- tables alone (index-only scans). The single-column indexes on the link tables are replaced
-- by ones that also hold the item id.
create index content_items_published_date_idx on content_items (published_at desc, id desc) where status = 'published';
create index content_themes_theme_content_idx on content_themes (theme_id, content_id);
drop index content_themes_theme_idx;
create index content_neighbourhoods_place_content_idx on content_neighbourhoods (neighbourhood_id, content_id);
drop index content_neighbourhoods_neighbourhood_idx;
