-- Support counts are read per idea (`count(*) where proposal_id = ...`, on every list row and in
-- the open data). The unique index on (proposal_id, user_id) is partial (`where user_id is not
-- null`), so the planner cannot use it for that count: each count scanned the whole table
-- (measured: 3,000 ideas and 30,000 supports, /api/v1/idees took 5-10 s). A plain index by idea.
create index proposal_supports_proposal_idx on proposal_supports (proposal_id);
