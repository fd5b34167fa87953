-- Media library: which encodings exist for each variant width. Rows written before this
-- migration have WebP and JPEG only; new uploads add AVIF. Pages list only the formats
-- recorded here, so they never point at a file that was not written.
alter table media add column formats text[] not null default '{webp,jpg}';
alter table media add constraint media_formats_known check (formats <@ array['avif', 'webp', 'jpg']::text[] and 'jpg' = any(formats));
-- Sorting the library by date (newest first).
create index media_created_at_idx on media (created_at desc, id desc);
