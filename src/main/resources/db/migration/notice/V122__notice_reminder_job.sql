-- Reminding the unread of a notice runs as a background job (issue 20): the request only queues
-- it; the job marks and messages the unread in chunks, each chunk its own transaction, so a
-- province's million members never sit in one request, the progress is visible as it goes, and a
-- job cut short by a restart is taken up again (the chunks already done stay done: a recipient is
-- marked reminded in the same transaction as its messages are queued). One job per notice a day.
create table notice_reminder_job (
    id                bigint generated always as identity primary key,
    notice_id         bigint       not null references notice (id),
    day               date         not null,
    status            varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    requested_by      bigint,
    requested_by_name varchar(100),
    requested_at      timestamptz  not null,
    started_at        timestamptz,
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    orgs_reminded     int          not null default 0,
    members_reminded  int          not null default 0,
    messages_queued   int          not null default 0,
    -- how far the job has gone (recipients are walked in key order), so a resumed job goes on from there
    org_cursor        bigint       not null default 0,
    member_cursor     bigint       not null default 0,
    error             varchar(500),
    constraint notice_reminder_job_once_a_day unique (notice_id, day)
);
create index notice_reminder_job_open_ix on notice_reminder_job (status, heartbeat_at) where status in ('QUEUED', 'RUNNING');
