-- Participation (issue #15): a member of a conseil citoyen or an association may comment on
-- behalf of it (decision 0017), as they may post an idea; the comment shows "<name> pour
-- <organisation>". Membership is checked when the comment is posted.
alter table participation_comments add column organisation_id integer references organisations(id) on delete set null;
