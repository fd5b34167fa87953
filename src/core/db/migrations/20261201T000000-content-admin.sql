-- Editorial back office: who saved an item last, private preview links, and the origin
-- of each revision (a plain save, an autosave, a restore, or a save refused by a conflict,
-- kept so that the losing side of a concurrent edit is never lost).

alter table content_items add column updated_by integer references users(id) on delete set null;
-- SHA-256 of the preview token (the token itself is shown once, when it is generated)
alter table content_items add column preview_token_hash text;
alter table content_items add column preview_expires_at timestamptz;
create unique index content_items_preview_token_idx on content_items (preview_token_hash) where preview_token_hash is not null;

alter table content_revisions add column origin text not null default 'save'
  check (origin in ('save', 'autosave', 'restore', 'conflict'));
