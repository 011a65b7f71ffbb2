-- An import survives a restart of members-service. The uploaded file stays with its job until the job ends and
-- is deleted then (it holds the people's personal data). Who started the job is kept (an id, roles and branch:
-- no personal data) so that the rest of the file is imported with the same rights; so is which instance runs the
-- job and when it last said so, so that another instance, or the same one restarted, takes over a job whose
-- runner stopped.
create table import_file (
    job_id  uuid primary key references import_job (id) on delete cascade,
    content bytea not null
);
-- Stored as it is: compressing up to 20 MB at every upload costs more than the disk it would save for the
-- minutes the file is kept.
alter table import_file alter column content set storage external;

alter table import_job
    add column caller_subject   text,
    add column caller_roles     text[],
    add column caller_branch_id uuid,
    add column runner           uuid,
    add column heartbeat_at     timestamptz;

create index import_job_unfinished_idx on import_job (heartbeat_at) where status in ('queued', 'running');
