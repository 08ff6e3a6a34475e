-- Member cards and partner merchants (benefit, decision 0041). A merchant is signed by an
-- organisation and keeps its path for the data scope (decision 0012); its sign-in is an identity
-- account named by id. A card is not stored: its code is signed (HMAC under the key below) and
-- its validity is computed at check time from the dues ledger. A use is one dated row per check.

create table benefit_merchant (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,
    org_path        varchar(500) not null,
    name            varchar(100) not null,
    category        varchar(20)  not null check (category in ('CATERING', 'RETAIL', 'HOTEL', 'HEALTH', 'EDUCATION',
                                                              'TRAVEL', 'SERVICES', 'OTHER')),
    address         varchar(200) not null,
    terms           varchar(500) not null,
    starts_on       date         not null,
    ends_on         date,
    account_id      bigint       unique,
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    check (ends_on is null or ends_on >= starts_on)
);
create unique index benefit_merchant_name_ux on benefit_merchant (org_id, name);
create index benefit_merchant_path_ix on benefit_merchant (org_path varchar_pattern_ops);

-- one use per check: a code (member and issue instant) is used at most once at a merchant
create table benefit_card_use (
    id              bigint generated always as identity primary key,
    merchant_id     bigint       not null references benefit_merchant (id),
    org_path        varchar(500) not null,
    party_id        bigint       not null,
    code_issued_at  bigint       not null,
    used_at         timestamptz  not null,
    used_on         date         not null,
    unique (merchant_id, party_id, code_issued_at)
);
create index benefit_card_use_merchant_ix on benefit_card_use (merchant_id, used_on);
create index benefit_card_use_path_ix on benefit_card_use (org_path varchar_pattern_ops, used_on);

-- the installation's card-signing key, made once by the first instance that needs it
create table benefit_card_key (
    id              int          primary key check (id = 1),
    secret          bytea        not null
);
