-- The organisation tree: federations (工商联) and associations (个私协) at province, city and
-- county level, and the chambers (基层商会) they supervise. path is the materialised path of ids
-- ('/1/7/42/'), so "this organisation and everything below it" — the data scope — is one
-- indexed prefix predicate: path like '/1/7/%'.
create table organization (
    id                    bigint generated always as identity primary key,
    type                  varchar(12)  not null check (type in ('FEDERATION', 'ASSOCIATION', 'CHAMBER')),
    level                 varchar(10)  check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    chamber_kind          varchar(12)  check (chamber_kind in ('TOWNSHIP', 'INDUSTRY', 'REGIONAL', 'OUT_OF_TOWN', 'VILLAGE')),
    name                  varchar(200) not null,
    short_name            varchar(100),
    region_code           varchar(12)  not null references region (code),
    parent_id             bigint       references organization (id),
    path                  varchar(500) not null,
    founded_on            date,
    -- civil registration (民政登记)
    registered            boolean      not null default false,
    registered_on         date,
    registration_code     varchar(18),
    unregistered_reason   varchar(200),
    -- party organisation (党组织)
    party_organisation    varchar(16)  not null default 'NONE'
        check (party_organisation in ('NONE', 'BRANCH', 'JOINT_BRANCH', 'COMMITTEE')),
    party_star_rating     smallint     check (party_star_rating between 1 and 5),
    party_liaison         varchar(100),
    -- office and means (五有)
    office_fixed          boolean      not null default false,
    office_area           numeric(10, 2),
    fulltime_staff        int          not null default 0 check (fulltime_staff >= 0),
    website               varchar(200),
    periodical            varchar(100),
    has_staff             boolean      not null default false,
    has_office            boolean      not null default false,
    has_funds             boolean      not null default false,
    has_equipment         boolean      not null default false,
    has_duties            boolean      not null default false,
    income_band           varchar(16),
    status                varchar(10)  not null default 'ACTIVE' check (status in ('ACTIVE', 'DISSOLVED')),
    created_at            timestamptz  not null default now(),
    version               bigint       not null default 0,
    constraint organization_kind_only_for_chambers check ((type = 'CHAMBER') = (chamber_kind is not null)),
    constraint organization_level_only_for_federations check ((type = 'CHAMBER') = (level is null)),
    constraint organization_registration_code check (registration_code is null or registration_code like '5%')
);
create unique index organization_path_uk on organization (path varchar_pattern_ops);
create index organization_parent_ix on organization (parent_id);
create index organization_region_ix on organization (region_code varchar_pattern_ops);
create index organization_type_ix on organization (type, chamber_kind, status);
-- A township has at most one (active) township chamber.
create unique index organization_one_township_chamber_uk on organization (region_code)
    where chamber_kind = 'TOWNSHIP' and status = 'ACTIVE';

alter table user_account add constraint user_account_org_fk foreign key (org_id) references organization (id);
