-- OSDI-style contact details: a person may have more email addresses and phone numbers than the primary ones on
-- the member row (which stay the de-duplication key and the default channel), and a postal address.
alter table member
    add column address_lines text[] not null default '{}',
    add column locality      text,
    add column region        text;

create table member_email (
    member_id uuid not null references member (id) on delete cascade,
    address   text not null,
    primary key (member_id, address)
);
-- Another signup with any of a person's addresses finds that person: an address belongs to one person only.
create unique index member_email_address_key on member_email (lower(address));

create table member_phone (
    member_id uuid not null references member (id) on delete cascade,
    number    text not null, -- E.164
    primary key (member_id, number)
);
