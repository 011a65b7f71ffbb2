-- An erasure asked for by email address, of a person who is not a member (known only from a public RSVP or a
-- feedback card): its record has no member id, and nothing of the address.
alter table erasure_audit alter column member_id drop not null;
alter table erasure_audit add column subject text not null default 'member';
alter table erasure_audit add constraint erasure_audit_subject
    check (subject in ('member', 'email') and (subject = 'email') = (member_id is null));
