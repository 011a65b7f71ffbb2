-- Campaigns: many events under one banner (the weekend of action).
create table campaign (
    id          uuid primary key,
    name        text        not null,
    description text,
    starts_on   date,
    ends_on     date,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create unique index campaign_name_idx on campaign (lower(name));

alter table event add constraint event_campaign_fk foreign key (campaign_id) references campaign (id);
create index event_campaign_idx on event (campaign_id, starts_at) where campaign_id is not null;
