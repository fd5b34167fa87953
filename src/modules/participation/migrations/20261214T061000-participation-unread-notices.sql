-- The unread count beside "Mon compte" is read on every signed-in page: a partial index holds
-- only the unread notices, by account, so the count reads a handful of index entries whatever
-- the size of the inbox (the older index on (user_id, created_at) would visit every notice).
create index participation_notifications_unread_idx on participation_notifications (user_id) where read_at is null;
