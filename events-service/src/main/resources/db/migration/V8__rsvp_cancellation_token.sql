-- A member of the public cancels their own RSVP with the token they were given (only its hash is kept).
alter table rsvp add column cancellation_token_hash text;
