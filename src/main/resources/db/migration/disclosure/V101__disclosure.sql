-- 三公开 (党务、会务、财务公开): an organisation publishes to its members, once per calendar year
-- (decision 0043), party affairs (text, documents), chamber affairs (resolutions picked from the
-- activities' minutes or typed, leadership changes) and finances. Income is computed from the dues
-- and donation ledgers and frozen into disclosure_income when the disclosure is published, so that
-- what members read is what was published; expenses are entered with their vouchers. A published
-- disclosure is not changed.

create table disclosure (
    id              bigint generated always as identity primary key,
    org_id          bigint        not null,
    org_path        varchar(500)  not null,
    year            int           not null check (year between 2000 and 2100),
    party_text      varchar(8000),
    leadership_text varchar(4000),
    status          varchar(10)   not null check (status in ('DRAFT', 'PUBLISHED')),
    published_at    timestamptz,
    published_by    bigint,
    created_at      timestamptz   not null default now(),
    version         bigint        not null default 0,
    unique (org_id, year)
);
create index disclosure_path_ix on disclosure (org_path varchar_pattern_ops, year);

create table disclosure_document (
    id              bigint generated always as identity primary key,
    disclosure_id   bigint        not null references disclosure (id),
    name            varchar(200)  not null,
    type            varchar(100)  not null,
    bytes           bytea         not null
);
create index disclosure_document_ix on disclosure_document (disclosure_id);

create table disclosure_resolution (
    id              bigint generated always as identity primary key,
    disclosure_id   bigint        not null references disclosure (id),
    -- the activity whose minutes it was taken from; null when typed
    activity_id     bigint,
    held_on         date,
    meeting         varchar(200),
    text            varchar(500)  not null
);
create index disclosure_resolution_ix on disclosure_resolution (disclosure_id);

create table disclosure_expense (
    id              bigint generated always as identity primary key,
    disclosure_id   bigint        not null references disclosure (id),
    spent_on        date          not null,
    category        varchar(20)   not null,
    purpose         varchar(300)  not null,
    amount_fen      bigint        not null check (amount_fen > 0),
    voucher_name    varchar(200)  not null,
    voucher_type    varchar(100)  not null,
    voucher         bytea         not null
);
create index disclosure_expense_ix on disclosure_expense (disclosure_id);

-- income by source and category as computed from the ledgers when published
create table disclosure_income (
    disclosure_id   bigint        not null references disclosure (id),
    source          varchar(10)   not null check (source in ('DUES', 'DONATION')),
    category        varchar(20)   not null,
    amount_fen      bigint        not null,
    primary key (disclosure_id, source, category)
);
