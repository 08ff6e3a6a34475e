-- Casework (服务): needs (需求清单), rights-protection complaints (维权投诉) and commercial
-- mediation (商会调解) share one case table, one lifecycle and one insert-only trail; visits (走访)
-- and their quarterly plan stand beside them. Amounts are in fen.

-- Staff are told of assignments and near-overdue cases by mail.
alter table user_account add column email varchar(200);

-- The working-day calendar: Saturdays and Sundays are rest days unless listed as working (调休),
-- listed holidays are rest days. One national list, kept by the system administrator.
create table calendar_day (
    day      date        primary key,
    working  boolean     not null,
    name     varchar(50) not null
);

-- Time to accept and to resolve, in working days, per organisation and kind; an organisation
-- without its own inherits the nearest ancestor's, else the defaults in code.
create table case_time_limit (
    org_id        bigint      not null references organization (id),
    kind          varchar(12) not null check (kind in ('NEED', 'COMPLAINT', 'MEDIATION')),
    accept_days   int         not null check (accept_days between 1 and 30),
    resolve_days  int         not null check (resolve_days between 1 and 250),
    updated_by    varchar(100) not null,
    updated_at    timestamptz not null default now(),
    primary key (org_id, kind)
);

-- A visit to a member: planned for a quarter, then completed with its findings (or cancelled).
create table visit (
    id               bigint generated always as identity primary key,
    org_id           bigint       not null references organization (id),
    org_path         varchar(500) not null,
    party_id         bigint       not null references party (id),
    plan_year        int          not null check (plan_year between 2000 and 2100),
    plan_quarter     int          not null check (plan_quarter between 1 and 4),
    state            varchar(10)  not null check (state in ('PLANNED', 'COMPLETED', 'CANCELLED')),
    visitors         varchar(200) not null,
    purpose          varchar(300),
    visited_on       date,
    findings         text,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null default now(),
    completed_by     varchar(100),
    completed_at     timestamptz,
    version          bigint       not null default 0,
    check (state <> 'COMPLETED' or (visited_on is not null and findings is not null))
);
create index visit_scope_ix on visit (org_path varchar_pattern_ops, plan_year, plan_quarter);
create index visit_party_ix on visit (party_id);

create table service_case (
    id                   bigint generated always as identity primary key,
    kind                 varchar(12)  not null check (kind in ('NEED', 'COMPLAINT', 'MEDIATION')),
    category             varchar(30)  not null,
    state                varchar(12)  not null check (state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS',
                             'RESOLVED', 'UNRESOLVED', 'REJECTED')),
    channel              varchar(10)  not null check (channel in ('PORTAL', 'STAFF', 'VISIT', 'COURT')),
    -- the organisation handling it now, and the one it is offered to while a transfer waits
    org_id               bigint       not null references organization (id),
    org_path             varchar(500) not null,
    transfer_to_org_id   bigint       references organization (id),
    transfers            int          not null default 0,
    title                varchar(200) not null,
    description          text         not null,
    -- the member who raised it (complainant, applicant of a mediation); null for a non-member
    party_id             bigint       references party (id),
    visit_id             bigint       references visit (id),
    filed_by             varchar(100) not null,
    filed_at             timestamptz  not null default now(),
    accept_due_on        date         not null,
    accepted_at          timestamptz,
    resolve_due_on       date,
    handler_account_id   bigint       references user_account (id),
    handler_name         varchar(100),
    closed_at            timestamptz,
    outcome              text,
    -- complaints
    respondent_kind      varchar(10)  check (respondent_kind in ('AUTHORITY', 'COMPANY', 'OTHER')),
    respondent_name      varchar(200),
    amount_involved_fen  bigint       check (amount_involved_fen >= 0),
    amount_recovered_fen bigint       check (amount_recovered_fen >= 0),
    counsel_name         varchar(100),
    -- mediation
    amount_in_dispute_fen bigint      check (amount_in_dispute_fen >= 0),
    mediators            varchar(300),
    mediation_result     varchar(20)  check (mediation_result in ('AGREEMENT', 'FAILED', 'REFERRED_TO_COURT')),
    agreement_terms      text,
    court_name           varchar(200),
    court_case_number    varchar(100),
    reported_to_court_on date,
    -- satisfaction: the member's rating after closing (or staff's phone follow-up), one reopening
    rating               smallint     check (rating between 1 and 5),
    rating_comment       varchar(500),
    rated_via            varchar(10)  check (rated_via in ('PORTAL', 'PHONE')),
    rated_at             timestamptz,
    reopened_at          timestamptz,
    version              bigint       not null default 0,
    check (state not in ('RESOLVED', 'UNRESOLVED', 'REJECTED') or closed_at is not null)
);
create index service_case_scope_ix on service_case (org_path varchar_pattern_ops, filed_at);
create index service_case_party_ix on service_case (party_id);
create index service_case_open_ix on service_case (org_path varchar_pattern_ops)
    where state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS');

-- Every organisation that has held a case or been offered it: a chamber keeps seeing a case it
-- handed on, and sees a case offered to it; nobody else below the handling organisation does.
create table case_holder (
    case_id   bigint       not null references service_case (id),
    org_id    bigint       not null references organization (id),
    org_path  varchar(500) not null,
    primary key (case_id, org_id)
);
create index case_holder_scope_ix on case_holder (org_path varchar_pattern_ops, case_id);

-- The trail: who did what, when, with what comment. Insert-only.
create table case_step (
    id             bigint generated always as identity primary key,
    case_id        bigint       not null references service_case (id),
    action         varchar(20)  not null,
    from_state     varchar(12),
    to_state       varchar(12),
    org_id         bigint       not null references organization (id),
    target_org_id  bigint       references organization (id),
    actor          varchar(100) not null,
    comment        text,
    at             timestamptz  not null default now()
);
create index case_step_case_ix on case_step (case_id, id);

-- Files of a case: attachments of a need, the signed agreement of a mediation.
create table case_attachment (
    id            bigint generated always as identity primary key,
    case_id       bigint       not null references service_case (id),
    purpose       varchar(10)  not null check (purpose in ('ATTACHMENT', 'AGREEMENT')),
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    int          not null,
    content       bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null default now()
);
create index case_attachment_case_ix on case_attachment (case_id);

-- The two sides of a mediation, members or not.
create table mediation_party (
    id         bigint generated always as identity primary key,
    case_id    bigint       not null references service_case (id),
    side       varchar(10)  not null check (side in ('APPLICANT', 'RESPONDENT')),
    name       varchar(200) not null,
    party_id   bigint       references party (id),
    contact    varchar(100)
);
create index mediation_party_case_ix on mediation_party (case_id);

create table mediation_session (
    id           bigint generated always as identity primary key,
    case_id      bigint       not null references service_case (id),
    held_on      date         not null,
    place        varchar(200),
    mediators    varchar(300) not null,
    notes        text         not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null default now()
);
create index mediation_session_case_ix on mediation_session (case_id);

-- 2026 public holidays and make-up working days (国务院办公厅关于2026年部分节假日安排的通知).
insert into calendar_day (day, working, name)
select d::date, false, '元旦' from generate_series(date '2026-01-01', date '2026-01-03', interval '1 day') d
union all select date '2026-01-04', true, '元旦调休上班'
union all select d::date, false, '春节' from generate_series(date '2026-02-15', date '2026-02-23', interval '1 day') d
union all select date '2026-02-14', true, '春节调休上班'
union all select date '2026-02-28', true, '春节调休上班'
union all select d::date, false, '清明节' from generate_series(date '2026-04-04', date '2026-04-06', interval '1 day') d
union all select d::date, false, '劳动节' from generate_series(date '2026-05-01', date '2026-05-05', interval '1 day') d
union all select date '2026-05-09', true, '劳动节调休上班'
union all select d::date, false, '端午节' from generate_series(date '2026-06-19', date '2026-06-21', interval '1 day') d
union all select d::date, false, '中秋节' from generate_series(date '2026-09-25', date '2026-09-27', interval '1 day') d
union all select d::date, false, '国庆节' from generate_series(date '2026-10-01', date '2026-10-07', interval '1 day') d
union all select date '2026-09-20', true, '国庆节调休上班'
union all select date '2026-10-10', true, '国庆节调休上班';
