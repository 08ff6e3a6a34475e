-- Proposals (提案素材, 建言献策): suggestions submitted by members (portal) and chambers (staff),
-- merged by a federation into proposals handed to a people's-congress deputy (人大代表) or a
-- CPPCC member (政协委员), a person of the member registry; what became of each proposal is a
-- dated step (submitted, answered by a department, adopted, leader's instruction 批示).
-- Each row keeps its organisation's path for the data scope (decision 0012).

create table proposal (
    id              bigint generated always as identity primary key,
    org_id          bigint        not null,
    org_path        varchar(500)  not null,
    title           varchar(200)  not null,
    topic           varchar(30)   not null,
    holder_party_id bigint        not null,
    holder_role     varchar(10)   not null check (holder_role in ('DEPUTY', 'CPPCC')),
    status          varchar(12)   not null check (status in ('SUBMITTED', 'ANSWERED', 'ADOPTED', 'INSTRUCTED')),
    submitted_on    date          not null,
    department      varchar(200),
    answer          varchar(4000),
    answer_name     varchar(200),
    answer_type     varchar(100),
    answer_file     bytea,
    created_at      timestamptz   not null default now(),
    version         bigint        not null default 0
);
create index proposal_path_ix on proposal (org_path varchar_pattern_ops, submitted_on);

create table proposal_suggestion (
    id              bigint generated always as identity primary key,
    org_id          bigint        not null,
    org_path        varchar(500)  not null,
    -- the member who submitted it in the portal; null when a chamber's staff submitted it
    party_id        bigint,
    submitted_by    bigint        not null,
    topic           varchar(30)   not null,
    problem         varchar(4000) not null,
    suggestion      varchar(4000) not null,
    submitted_on    date          not null,
    proposal_id     bigint        references proposal (id),
    created_at      timestamptz   not null default now()
);
create index proposal_suggestion_path_ix on proposal_suggestion (org_path varchar_pattern_ops, submitted_on);
create index proposal_suggestion_party_ix on proposal_suggestion (party_id) where party_id is not null;
create index proposal_suggestion_proposal_ix on proposal_suggestion (proposal_id) where proposal_id is not null;

-- the dated history of a proposal's outcome
create table proposal_step (
    id              bigint generated always as identity primary key,
    proposal_id     bigint        not null references proposal (id),
    status          varchar(12)   not null,
    happened_on     date          not null,
    note            varchar(4000),
    recorded_by     bigint,
    recorded_at     timestamptz   not null default now()
);
create index proposal_step_proposal_ix on proposal_step (proposal_id, id);
