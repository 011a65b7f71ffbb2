-- CSV imports run as jobs: progress and per-row errors (row number, field, message: never the row's content).
create table import_job (
    id          uuid primary key,
    status      text        not null,
    total       integer     not null,
    processed   integer     not null default 0,
    created     integer     not null default 0,
    updated     integer     not null default 0,
    unchanged   integer     not null default 0,
    failed      integer     not null default 0,
    errors      jsonb       not null default '[]',
    created_at  timestamptz not null,
    finished_at timestamptz
);
