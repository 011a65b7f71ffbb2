-- Public search: published events by start, town, postcode prefix, area (bounding box), type and campaign.
-- Partial on status: drafts, cancelled and completed events are never searched.
update event set postcode = upper(regexp_replace(regexp_replace(postcode, '\s', '', 'g'), '(...)$', ' \1'))
where postcode is not null;
create index event_search_start_idx on event (starts_at, id) where status = 'published';
create index event_search_town_idx on event (lower(town), starts_at, id) where status = 'published';
create index event_search_postcode_idx on event (postcode text_pattern_ops) where status = 'published';
create index event_search_area_idx on event (latitude, longitude) where status = 'published';
create index event_search_type_idx on event (event_type, starts_at, id) where status = 'published';
