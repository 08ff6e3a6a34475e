-- Members. A party (企业 / 个人 / 团体) is entered once; its memberships tie it to organisations.
-- Identity numbers and phones are stored encrypted (*_cipher), found by keyed hash (*_hash) and
-- shown masked (*_masked); nothing in this schema holds them in clear.
create extension if not exists pg_trgm;

-- GB/T 4754-2017: sections (A–T, section is null) and divisions (01–97, section set).
create table industry (
    code    varchar(2)   primary key,
    name    varchar(100) not null,
    section varchar(1)   references industry (code)
);

create table party (
    id                    bigint generated always as identity primary key,
    kind                  varchar(10)  not null check (kind in ('ENTERPRISE', 'PERSON', 'GROUP')),
    name                  varchar(200) not null,
    -- normalised name (no legal-form suffixes, brackets or spaces) for the duplicate report
    name_key              varchar(200) not null,
    -- enterprise
    credit_code           varchar(18),
    enterprise_kind       varchar(20)  check (enterprise_kind in ('PRIVATE_ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'OTHER')),
    legal_representative  varchar(50),
    industry_code         varchar(2)   references industry (code),
    size_class            varchar(8)   check (size_class in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
    employees             int          check (employees >= 0),
    region_code           varchar(12)  references region (code),
    out_of_town           boolean      not null default false,
    high_tech             boolean      not null default false,
    -- person (非公有制经济人士)
    gender                varchar(6)   check (gender in ('MALE', 'FEMALE')),
    id_number_cipher      bytea,
    id_number_hash        bytea,
    id_number_masked      varchar(18),
    party_member          boolean      not null default false,
    public_roles          varchar(200),
    -- enterprise or person: the contact phone
    phone_cipher          bytea,
    phone_hash            bytea,
    phone_masked          varchar(11),
    phone_last4           varchar(4),
    -- group member: an organisation of the tree
    group_org_id          bigint       references organization (id),
    status                varchar(8)   not null default 'ACTIVE' check (status in ('ACTIVE', 'MERGED')),
    merged_into           bigint       references party (id),
    created_at            timestamptz  not null default now(),
    version               bigint       not null default 0,
    constraint party_enterprise_fields check (kind = 'ENTERPRISE' or (credit_code is null and enterprise_kind is null)),
    constraint party_person_fields check (kind = 'PERSON' or (id_number_hash is null and gender is null)),
    constraint party_group_fields check ((kind = 'GROUP') = (group_org_id is not null))
);
-- The de-duplication keys: one active party per credit code, identity number, organisation.
create unique index party_credit_code_uk on party (credit_code) where status = 'ACTIVE';
create unique index party_id_number_uk on party (id_number_hash) where status = 'ACTIVE';
create unique index party_group_uk on party (group_org_id) where status = 'ACTIVE';
create index party_phone_hash_ix on party (phone_hash);
create index party_phone_last4_ix on party (phone_last4);
create index party_name_trgm_ix on party using gin (name gin_trgm_ops);
create index party_name_key_ix on party (region_code, name_key);

-- A person leads (is legal representative, chair, owner of) enterprises.
create table party_leader (
    person_id     bigint not null references party (id),
    enterprise_id bigint not null references party (id),
    primary key (person_id, enterprise_id)
);
create index party_leader_enterprise_ix on party_leader (enterprise_id);

create table membership (
    id            bigint generated always as identity primary key,
    party_id      bigint       not null references party (id),
    org_id        bigint       not null references organization (id),
    -- the organisation's path, copied so the data scope is one index range on this table
    org_path      varchar(500) not null,
    role          varchar(20)  not null check (role in ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY_GENERAL',
                      'STANDING_DIRECTOR', 'DIRECTOR', 'SUPERVISOR', 'MEMBER')),
    tier          varchar(10)  not null check (tier in ('CORE', 'CLOSE', 'CONTACT', 'PERIPHERAL')),
    tier_reason   varchar(200),
    joined_on     date         not null,
    left_on       date,
    leave_reason  varchar(200),
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint membership_dates check (left_on is null or left_on >= joined_on),
    constraint membership_leave_reason check (left_on is null or leave_reason is not null)
);
-- One current membership of a party in an organisation.
create unique index membership_current_uk on membership (party_id, org_id) where left_on is null;
create index membership_scope_ix on membership (org_path varchar_pattern_ops, joined_on);
create index membership_party_ix on membership (party_id);
create index membership_org_ix on membership (org_id);

-- Imports and large exports run in the background; the page polls the job for its progress.
-- A job is seen only by the account that started it.
create table member_job (
    id              bigint generated always as identity primary key,
    kind            varchar(8)   not null check (kind in ('IMPORT', 'EXPORT')),
    account_id      bigint       not null references user_account (id),
    org_id          bigint       references organization (id),
    status          varchar(8)   not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    file_name       varchar(200),
    import_good_rows boolean     not null default false,
    total_rows      int,
    processed_rows  int          not null default 0,
    parties_created int          not null default 0,
    memberships_added int        not null default 0,
    unchanged_rows  int          not null default 0,
    error_rows      int          not null default 0,
    written         boolean      not null default false,
    skipped_rows    text,
    message         varchar(1000),
    result          bytea,
    result_name     varchar(200),
    created_at      timestamptz  not null default now(),
    finished_at     timestamptz
);
create index member_job_account_ix on member_job (account_id, created_at desc);

-- Join applications (入会申请), from the chamber's public page or entered by staff. The applicant
-- follows it with the tracking token; personal data is protected as in party.
create table join_application (
    id                bigint generated always as identity primary key,
    org_id            bigint       not null references organization (id),
    org_path          varchar(500) not null,
    token             varchar(40)  not null unique,
    kind              varchar(10)  not null check (kind in ('ENTERPRISE', 'PERSON')),
    name              varchar(200) not null,
    credit_code       varchar(18),
    enterprise_kind   varchar(20),
    contact_name      varchar(50),
    industry_code     varchar(2)   references industry (code),
    region_code       varchar(12)  references region (code),
    id_number_cipher  bytea,
    id_number_masked  varchar(18),
    phone_cipher      bytea        not null,
    phone_masked      varchar(11)  not null,
    message           varchar(1000),
    status            varchar(10)  not null default 'SUBMITTED' check (status in ('SUBMITTED', 'APPROVED', 'REJECTED')),
    decision_reason   varchar(500),
    decided_by        varchar(64),
    decided_at        timestamptz,
    party_id          bigint       references party (id),
    submitted_at      timestamptz  not null default now(),
    constraint join_application_rejection_reason check (status <> 'REJECTED' or decision_reason is not null)
);
create index join_application_scope_ix on join_application (org_path varchar_pattern_ops, status, submitted_at desc);

-- A member's own sign-in (member portal): the account is tied to one person, never to an
-- organisation, so its data scope is empty and it sees only what the portal shows it.
create table member_account (
    account_id bigint primary key references user_account (id),
    party_id   bigint not null unique references party (id)
);
