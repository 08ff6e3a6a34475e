-- Public welfare (光彩事业): villages under townships, enterprise–village pairings (结对帮扶) with
-- their projects and dated payments, village economic advisers, donation campaigns with pledges,
-- numbered receipts and transfers, and support agreements (帮扶协议). The welfare module's own
-- tables; organisations, members and regions are referred to by id or code, and each row keeps
-- the responsible organisation's path for the data scope (decision 0012).
-- Money is in fen and never updated: a correction is a new row with a negative amount that names
-- the row it corrects (as the dues ledger does).

create table welfare_village (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,
    org_path        varchar(500) not null,
    township_code   varchar(9)   not null,
    name            varchar(100) not null,
    -- the 12-digit statistical code (统计用区划代码) when known; its first nine digits are the township's
    stat_code       varchar(12)  check (stat_code ~ '^[0-9]{12}$'),
    relief_status   varchar(20)  not null check (relief_status in ('LIFTED', 'KEY_SUPPORT', 'OTHER')),
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0
);
create unique index welfare_village_name_ux on welfare_village (org_id, township_code, name);
create unique index welfare_village_code_ux on welfare_village (org_id, stat_code) where stat_code is not null;
create index welfare_village_path_ix on welfare_village (org_path varchar_pattern_ops);

create table welfare_pairing (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,
    org_path        varchar(500) not null,
    village_id      bigint       not null references welfare_village (id),
    starts_on       date         not null,
    ends_on         date,
    -- kinds of help, any of INDUSTRY EMPLOYMENT CONSUMPTION EDUCATION HEALTH INFRASTRUCTURE DONATION
    kinds           varchar(20)[] not null default '{}',
    status          varchar(10)  not null check (status in ('ACTIVE', 'ENDED')),
    note            varchar(500),
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    check (ends_on is null or ends_on >= starts_on)
);
create index welfare_pairing_path_ix on welfare_pairing (org_path varchar_pattern_ops, starts_on);
create index welfare_pairing_village_ix on welfare_pairing (village_id);

-- the helping side: member enterprises (party ids) and chambers (organisation ids)
create table welfare_pairing_party (
    pairing_id      bigint       not null references welfare_pairing (id),
    party_id        bigint,
    chamber_id      bigint,
    check ((party_id is null) <> (chamber_id is null))
);
create unique index welfare_pairing_party_ux on welfare_pairing_party (pairing_id, coalesce(party_id, 0), coalesce(chamber_id, 0));

create table welfare_adviser (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,
    org_path        varchar(500) not null,
    village_id      bigint       not null references welfare_village (id),
    party_id        bigint       not null,
    starts_on       date         not null,
    ends_on         date,
    created_at      timestamptz  not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);
create index welfare_adviser_path_ix on welfare_adviser (org_path varchar_pattern_ops);
create index welfare_adviser_village_ix on welfare_adviser (village_id);

create table welfare_project (
    id              bigint generated always as identity primary key,
    pairing_id      bigint       not null references welfare_pairing (id),
    org_path        varchar(500) not null,
    name            varchar(200) not null,
    kind            varchar(20)  not null,
    committed_fen   bigint       not null check (committed_fen >= 0),
    goods_fen       bigint       not null default 0 check (goods_fen >= 0),
    people_employed int          not null default 0 check (people_employed >= 0),
    beneficiaries   int          not null default 0 check (beneficiaries >= 0),
    started_on      date         not null,
    completed_on    date,
    created_at      timestamptz  not null default now()
);
create index welfare_project_pairing_ix on welfare_project (pairing_id);
create index welfare_project_path_ix on welfare_project (org_path varchar_pattern_ops);

-- money delivered, dated; a correction is a negative entry naming the one it corrects
create table welfare_payment (
    id              bigint generated always as identity primary key,
    project_id      bigint       not null references welfare_project (id),
    org_path        varchar(500) not null,
    paid_on         date         not null,
    amount_fen      bigint       not null check (amount_fen <> 0),
    note            varchar(300),
    corrects_id     bigint       references welfare_payment (id),
    created_at      timestamptz  not null default now()
);
create index welfare_payment_project_ix on welfare_payment (project_id);
create index welfare_payment_path_ix on welfare_payment (org_path varchar_pattern_ops, paid_on);

create table welfare_progress (
    id              bigint generated always as identity primary key,
    project_id      bigint       not null references welfare_project (id),
    reported_on     date         not null,
    text            varchar(2000) not null,
    photo_name      varchar(200),
    photo_type      varchar(100),
    photo           bytea,
    created_at      timestamptz  not null default now()
);
create index welfare_progress_project_ix on welfare_progress (project_id);

create table welfare_campaign (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,
    org_path        varchar(500) not null,
    kind            varchar(20)  not null check (kind in ('DISASTER', 'EDUCATION', 'EPIDEMIC', 'OTHER')),
    title           varchar(200) not null,
    target_fen      bigint       check (target_fen > 0),
    starts_on       date         not null,
    ends_on         date,
    roll_published  boolean      not null default false,
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0
);
create index welfare_campaign_path_ix on welfare_campaign (org_path varchar_pattern_ops);

-- a donor's promise; donors are members (party id) or organisations (organisation id), named as given
create table welfare_pledge (
    id              bigint generated always as identity primary key,
    campaign_id     bigint       not null references welfare_campaign (id),
    org_path        varchar(500) not null,
    donor_party_id  bigint,
    donor_org_id    bigint,
    donor_name      varchar(200) not null,
    money_fen       bigint       not null check (money_fen >= 0),
    goods_fen       bigint       not null default 0 check (goods_fen >= 0),
    goods           varchar(300),
    pledged_on      date         not null,
    -- the donor agreed to be named on the public thank-you roll
    consent         boolean      not null default false,
    created_at      timestamptz  not null default now(),
    check (money_fen + goods_fen > 0),
    check ((donor_party_id is null) or (donor_org_id is null))
);
create index welfare_pledge_campaign_ix on welfare_pledge (campaign_id);

create sequence welfare_receipt_number_seq;

create table welfare_receipt (
    id              bigint generated always as identity primary key,
    campaign_id     bigint       not null references welfare_campaign (id),
    pledge_id       bigint       not null references welfare_pledge (id),
    org_path        varchar(500) not null,
    number          varchar(30)  not null unique,
    received_on     date         not null,
    money_fen       bigint       not null,
    goods_fen       bigint       not null default 0,
    corrects_id     bigint       references welfare_receipt (id),
    note            varchar(300),
    created_at      timestamptz  not null default now(),
    check (money_fen <> 0 or goods_fen <> 0)
);
create index welfare_receipt_campaign_ix on welfare_receipt (campaign_id);

create table welfare_transfer (
    id              bigint generated always as identity primary key,
    campaign_id     bigint       not null references welfare_campaign (id),
    org_path        varchar(500) not null,
    recipient       varchar(200) not null,
    amount_fen      bigint       not null check (amount_fen <> 0),
    transferred_on  date         not null,
    purpose         varchar(300),
    document_name   varchar(200),
    document_type   varchar(100),
    document        bytea,
    corrects_id     bigint       references welfare_transfer (id),
    created_at      timestamptz  not null default now()
);
create index welfare_transfer_campaign_ix on welfare_transfer (campaign_id);

create table welfare_agreement (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,
    org_path        varchar(500) not null,
    party_id        bigint       not null,
    goals           varchar(2000) not null,
    staff           varchar(200) not null,
    starts_on       date         not null,
    ends_on         date,
    outcome         varchar(2000),
    status          varchar(10)  not null check (status in ('ACTIVE', 'CLOSED')),
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0
);
create index welfare_agreement_path_ix on welfare_agreement (org_path varchar_pattern_ops);

create table welfare_agreement_visit (
    id              bigint generated always as identity primary key,
    agreement_id    bigint       not null references welfare_agreement (id),
    visited_on      date         not null,
    visitors        varchar(200) not null,
    note            varchar(1000),
    created_at      timestamptz  not null default now()
);
create index welfare_agreement_visit_ix on welfare_agreement_visit (agreement_id);
