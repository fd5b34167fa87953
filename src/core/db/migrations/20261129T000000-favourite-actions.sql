-- Favourites can point at a Politique de la Ville action as well as a content item.
alter table favourites drop constraint favourites_pkey;
alter table favourites alter column content_id drop not null;
alter table favourites add column action_id integer references actions(id) on delete cascade;
alter table favourites add column id serial primary key;
alter table favourites add constraint favourites_one_target check (num_nonnulls(content_id, action_id) = 1);
create unique index favourites_user_content_idx on favourites (user_id, content_id) where content_id is not null;
create unique index favourites_user_action_idx on favourites (user_id, action_id) where action_id is not null;
