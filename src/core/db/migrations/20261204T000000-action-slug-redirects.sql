-- Old addresses of Politique de la Ville actions whose slug was changed in the back office:
-- /politique-de-la-ville/actions/<old_slug> answers 301 to the current address.
create table action_slug_redirects (
  old_slug text primary key,
  action_id integer not null references actions(id) on delete cascade,
  created_at timestamptz not null default now()
);
create index action_slug_redirects_action_idx on action_slug_redirects (action_id);
