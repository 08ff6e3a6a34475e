-- Investment projects (招商引资, decision 0042): a project with its industry (GB/T 4754 code of the member
-- module's list), its investor (a member by party id, or an outside company by name), where the investor
-- comes from (a region code), planned / contracted / invested amounts in fen, its stage and the dated
-- history of its stages, the responsible organisation (its path for the data scope) and its documents.

create table investment_project (
    id               bigint generated always as identity primary key,
    org_id           bigint        not null,
    org_path         varchar(500)  not null,
    name             varchar(200)  not null,
    industry_code    varchar(5)    not null,
    investor_party_id bigint,
    investor_name    varchar(200)  not null,
    origin_code      varchar(12)   not null,
    planned_fen      bigint        not null check (planned_fen >= 0),
    contracted_fen   bigint        not null default 0 check (contracted_fen >= 0),
    invested_fen     bigint        not null default 0 check (invested_fen >= 0),
    stage            varchar(12)   not null check (stage in ('LEAD', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING')),
    lead_on          date          not null,
    stage_on         date          not null,
    created_at       timestamptz   not null default now(),
    version          bigint        not null default 0
);
create index investment_project_path_ix on investment_project (org_path varchar_pattern_ops, lead_on);

create table investment_stage (
    id               bigint generated always as identity primary key,
    project_id       bigint        not null references investment_project (id),
    stage            varchar(12)   not null,
    moved_on         date          not null,
    note             varchar(500),
    moved_by         varchar(100),
    created_at       timestamptz   not null default now()
);
create unique index investment_stage_ux on investment_stage (project_id, stage);

create table investment_document (
    id               bigint generated always as identity primary key,
    project_id       bigint        not null references investment_project (id),
    file_name        varchar(200)  not null,
    content_type     varchar(100)  not null,
    size_bytes       int           not null,
    content          bytea         not null,
    uploaded_at      timestamptz   not null default now()
);
create index investment_document_project_ix on investment_document (project_id);
