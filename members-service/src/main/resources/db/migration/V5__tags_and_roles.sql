-- Free-form labels organisers give people ("leafleter", "driver"), and the roles they hold in the party.
create table member_tag (
    member_id uuid not null references member (id) on delete cascade,
    tag       text not null,
    primary key (member_id, tag)
);
create index member_tag_tag_idx on member_tag (tag);

create table member_role (
    member_id uuid not null references member (id) on delete cascade,
    role      text not null,
    primary key (member_id, role)
);
create index member_role_role_idx on member_role (role);
