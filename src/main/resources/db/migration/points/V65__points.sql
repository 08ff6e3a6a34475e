-- Chamber points (微积分): rules per organising organisation, an insert-only ledger fed by the
-- other modules' events and by approved claims, and each organisation's yearly total (for the
-- rankings). Organisations are named by id and path only (their table is the organization module's).

create table point_rule (
    id               bigint generated always as identity primary key,
    organiser_id     bigint       not null,
    organiser_path   varchar(500) not null,
    name             varchar(100) not null,
    category         varchar(30)  not null check (category in ('SERVING_MEMBERS', 'SERVING_ECONOMY', 'INTEGRITY',
                         'PARTY_BUILDING', 'SOCIAL_GOVERNANCE', 'INVESTMENT', 'RURAL_REVITALISATION', 'EPIDEMIC')),
    action           varchar(20)  not null check (action in ('CASE_SATISFIED', 'VISIT_COMPLETED', 'ACTIVITY_HELD',
                         'DUES_PAID', 'MANUAL')),
    points           int          not null check (points between 1 and 1000),
    -- at most this many points per organisation and calendar year from this rule; null: no cap
    yearly_cap       int          check (yearly_cap >= 0),
    applies_to       varchar(10)  not null check (applies_to in ('CHAMBER', 'COUNTY', 'CITY', 'PROVINCE')),
    active           boolean      not null default true,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null default now(),
    version          bigint       not null default 0
);
create index point_rule_scope_ix on point_rule (organiser_path varchar_pattern_ops);
create index point_rule_action_ix on point_rule (action) where active;

-- A manual claim: what a chamber did that no module records, with its evidence, decided by the level above.
create table point_claim (
    id               bigint generated always as identity primary key,
    rule_id          bigint       not null references point_rule (id),
    org_id           bigint       not null,
    org_path         varchar(500) not null,
    org_level        varchar(10)  not null,
    description      varchar(1000) not null,
    happened_on      date         not null,
    evidence_name    varchar(200) not null,
    evidence_type    varchar(100) not null,
    evidence         bytea        not null,
    status           varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    submitted_by     varchar(100) not null,
    submitted_at     timestamptz  not null default now(),
    decided_by       varchar(100),
    decided_at       timestamptz,
    decision_reason  varchar(500),
    version          bigint       not null default 0,
    check ((status = 'PENDING') = (decided_at is null))
);
create index point_claim_scope_ix on point_claim (org_path varchar_pattern_ops, status);

-- The ledger: insert-only. An award names its rule and its source record; a reversal names the
-- award it takes back (once). The same source occurrence is awarded once per rule, however often
-- its event is delivered.
create table point_entry (
    id                bigint generated always as identity primary key,
    rule_id           bigint       not null references point_rule (id),
    org_id            bigint       not null,
    org_path          varchar(500) not null,
    org_level         varchar(10)  not null,
    year              int          not null check (year between 2000 and 2100),
    points            int          not null,
    kind              varchar(10)  not null check (kind in ('AWARD', 'REVERSAL')),
    source_type       varchar(20)  not null check (source_type in ('CASE', 'VISIT', 'ACTIVITY', 'DUES_PAYMENT', 'CLAIM')),
    source_id         bigint       not null,
    -- which occurrence of the source (a case rated again after reopening); '' when a source happens once
    occurrence        varchar(40)  not null default '',
    occurred_at       timestamptz  not null,
    reverses_entry_id bigint       references point_entry (id),
    back_filled       boolean      not null default false,
    recorded_at       timestamptz  not null default now(),
    check ((kind = 'REVERSAL') = (reverses_entry_id is not null)),
    check ((kind = 'AWARD') = (points >= 0))
);
create unique index point_entry_award_uk on point_entry (rule_id, source_type, source_id, occurrence) where kind = 'AWARD';
create unique index point_entry_reversal_uk on point_entry (reverses_entry_id) where kind = 'REVERSAL';
create index point_entry_source_ix on point_entry (source_type, source_id);
create index point_entry_org_ix on point_entry (org_id, year, id);
create index point_entry_scope_ix on point_entry (org_path varchar_pattern_ops, year);

create or replace function point_entry_insert_only() returns trigger language plpgsql as $$
begin
    raise exception 'point_entry is insert-only';
end $$;
create trigger point_entry_insert_only before update or delete on point_entry
    for each row execute function point_entry_insert_only();

-- Each organisation's points of a year, kept in the writing statement: what rankings sort.
create table point_total (
    org_id     bigint       not null,
    year       int          not null,
    org_level  varchar(10)  not null,
    org_path   varchar(500) not null,
    points     bigint       not null,
    entries    int          not null,
    primary key (org_id, year)
);
create index point_total_rank_ix on point_total (year, org_level, org_path varchar_pattern_ops) include (org_id, points);
