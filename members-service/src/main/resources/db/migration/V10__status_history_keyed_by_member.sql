-- A member's status history is only ever read, and deleted, by member (in id order): a primary key on
-- (member_id, id) serves all of it. The primary key on id alone beside an index on (member_id, id) cost every
-- change (every imported member) a second index entry for nothing.
alter table member_status_change drop constraint member_status_change_pkey;
drop index member_status_change_member_idx;
alter table member_status_change add primary key (member_id, id);
