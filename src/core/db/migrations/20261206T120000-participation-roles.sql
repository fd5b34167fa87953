-- Two roles for citizen participation (docs/decisions/0017-participation.md): `moderator`
-- works the moderation queue, `mediator` records contributions made on paper or in person for
-- a resident who consented. Both are staff (back-office access, second factor), so both may
-- also be offered by a staff invitation.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
  check (role in ('resident', 'contributor', 'editor', 'policy', 'moderator', 'mediator', 'admin'));
alter table staff_invitations drop constraint staff_invitations_role_check;
alter table staff_invitations add constraint staff_invitations_role_check
  check (role in ('contributor', 'editor', 'policy', 'moderator', 'mediator', 'admin'));
