-- The yearly statistical return (统计年报, decision 44): one return per organisation and year, its
-- cells by key (the tables and cells themselves are a definition in code: report.ReturnDefinition),
-- the comments that answer its warnings, the review steps, and the deadline each level sets for the
-- returns of the organisations directly below it. Organisations by id, with the path copied for the
-- data scope (decision 12). Values are whole numbers: counts, or fen for money; rates are never
-- stored, they follow from their two cells.

create table report_deadline (
    org_id   bigint       not null references organization (id),
    org_path varchar(500) not null,
    year     int          not null check (year between 2000 and 2100),
    due_on   date         not null,
    set_by   bigint       not null,
    set_at   timestamptz  not null,
    primary key (org_id, year)
);

create table report_return (
    id            bigint generated always as identity primary key,
    org_id        bigint       not null references organization (id),
    org_path      varchar(500) not null,
    org_name      varchar(200) not null,
    -- the level that reviews it: the organisation directly above (null for a root)
    parent_id     bigint references organization (id),
    year          int          not null check (year between 2000 and 2100),
    -- the date the records are read as of (31 December unless chosen)
    as_of         date         not null,
    status        varchar(10)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    return_reason varchar(500),
    prefilled_at  timestamptz  not null,
    submitted_at  timestamptz,
    accepted_at   timestamptz,
    created_at    timestamptz  not null,
    version       bigint       not null default 0,
    unique (org_id, year)
);
create index report_return_path_ix on report_return (year, org_path varchar_pattern_ops);
create index report_return_parent_ix on report_return (parent_id, year);

-- recorded: what the records (or, for a level with returns below, the accepted returns below plus
-- its own records) say; null for a cell the system cannot know. value: what the return says; a value
-- differing from a recorded one is an adjustment and carries its reason.
create table report_cell (
    return_id bigint      not null references report_return (id),
    cell_key  varchar(60) not null,
    recorded  bigint,
    value     bigint,
    reason    varchar(500),
    primary key (return_id, cell_key)
);

-- The comment that answers a warning (a year-on-year change beyond the set share), by check key.
create table report_comment (
    return_id bigint       not null references report_return (id),
    check_key varchar(120) not null,
    comment   varchar(500) not null,
    primary key (return_id, check_key)
);

create table report_step (
    id         bigint generated always as identity primary key,
    return_id  bigint      not null references report_return (id),
    action     varchar(10) not null check (action in ('OPENED', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    reason     varchar(500),
    account_id bigint      not null,
    at         timestamptz not null
);
create index report_step_return_ix on report_step (return_id, id);
