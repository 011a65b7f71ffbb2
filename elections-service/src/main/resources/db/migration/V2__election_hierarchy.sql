-- Democracy Club's hierarchy: election group -> (subtype group) -> organisation election -> ballot. The level and
-- the parts are derived from the id itself; the parent link makes the tree navigable and keeps it whole.
alter table election add column parent_id text references election (election_id);
create index election_children_idx on election (parent_id, poll_date desc, election_id);
