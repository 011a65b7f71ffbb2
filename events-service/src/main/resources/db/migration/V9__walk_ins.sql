-- A walk-in: someone an organiser recorded as attending a timeslot that had started, without a prior RSVP. Kept
-- in rsvp (accepted and attended) so that one person has one place per timeslot, whichever way they came.
alter table rsvp add column walk_in boolean not null default false;
