-- What elections-service told us about office-holders linked to members: whether each holds office for our
-- party now. A member is a councillor while any of their office-holdings says so. No personal data.
create table office_holding (
    office_holder_id uuid primary key,
    member_id        uuid references member (id) on delete cascade,
    for_our_party    boolean     not null,
    updated_at       timestamptz not null
);
create index office_holding_member_idx on office_holding (member_id) where member_id is not null;
