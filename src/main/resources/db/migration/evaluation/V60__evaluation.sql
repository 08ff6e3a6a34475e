-- Evaluations (评比): schemes as data (sections, criteria with maximum points, guidance, the evidence
-- each needs, indicators the system measures, one-vote vetoes, recognition levels with pass marks),
-- campaigns (scheme × year × organising organisation), each organisation's evaluation in a campaign
-- with its scores per level, its evidence, and the recognitions up the tree with their public notice
-- (公示) and objections. Organisations by id, with the path copied for the data scope (decision 12).

create table evaluation_scheme (
    id           bigint generated always as identity primary key,
    code         varchar(40)  not null unique,
    name         varchar(100) not null,
    -- whom it evaluates: chambers, or county federations (五好县级工商联)
    applies_to   varchar(20)  not null check (applies_to in ('CHAMBER', 'COUNTY_FEDERATION')),
    description  text,
    preset       boolean      not null default false,
    version      bigint       not null default 0
);

-- The levels a scheme recognises at, each with its pass mark (total points needed).
create table evaluation_scheme_level (
    scheme_id  bigint      not null references evaluation_scheme (id),
    level      varchar(10) not null check (level in ('COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
    pass_mark  int         not null check (pass_mark >= 0),
    primary key (scheme_id, level)
);

create table evaluation_section (
    id         bigint generated always as identity primary key,
    scheme_id  bigint       not null references evaluation_scheme (id),
    position   int          not null,
    title      varchar(100) not null,
    unique (scheme_id, position)
);

-- A criterion: scored by reviewers up to max_points, or measured by the system (indicator); a veto
-- criterion (一票否决) fails the whole evaluation when it is not met, whatever the points.
create table evaluation_criterion (
    id          bigint generated always as identity primary key,
    scheme_id   bigint       not null references evaluation_scheme (id),
    section_id  bigint       not null references evaluation_section (id),
    position    int          not null,
    title       varchar(200) not null,
    max_points  int          not null check (max_points >= 0 and max_points <= 1000),
    guidance    text,
    evidence    varchar(10)  not null check (evidence in ('ATTACHMENT', 'RECORDS', 'NONE')),
    indicator   varchar(30)  check (indicator in ('REGISTERED', 'PARTY_ORGANISATION', 'LEADERSHIP', 'FIVE_HAS',
                    'DUES_RATE', 'ACTIVITIES', 'GOVERNANCE_QUORUM', 'CASES', 'VISITS', 'MEMBER_GROWTH')),
    veto        boolean      not null default false,
    unique (section_id, position)
);
create index evaluation_criterion_scheme_ix on evaluation_criterion (scheme_id, section_id, position);

create table evaluation_campaign (
    id               bigint generated always as identity primary key,
    scheme_id        bigint       not null references evaluation_scheme (id),
    year             int          not null check (year between 2000 and 2100),
    org_id           bigint       not null references organization (id),
    org_path         varchar(500) not null,
    -- the organiser's name as it was when the campaign opened: the chambers below see it
    org_name         varchar(200) not null,
    title            varchar(200) not null,
    notice_days      int          not null check (notice_days between 1 and 60),
    submit_by        date         not null,
    county_by        date,
    city_by          date,
    province_by      date,
    created_by       bigint       not null,
    created_at       timestamptz  not null,
    unique (scheme_id, year, org_id)
);
create index evaluation_campaign_scope_ix on evaluation_campaign (org_path varchar_pattern_ops, year);

-- One organisation's evaluation in a campaign. level: the level that reviews it now (it starts at
-- the county and moves up when recommended); status: where it stands at that level.
create table evaluation (
    id             bigint generated always as identity primary key,
    campaign_id    bigint       not null references evaluation_campaign (id),
    org_id         bigint       not null references organization (id),
    org_path       varchar(500) not null,
    org_name       varchar(200) not null,
    level          varchar(10)  not null check (level in ('COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
    status         varchar(12)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'PASSED', 'RECOMMENDED')),
    self_summary   text,
    return_reason  varchar(500),
    submitted_at   timestamptz,
    created_at     timestamptz  not null,
    version        bigint       not null default 0,
    unique (campaign_id, org_id),
    constraint evaluation_return_reason check ((status = 'RETURNED') = (return_reason is not null))
);
create index evaluation_scope_ix on evaluation (org_path varchar_pattern_ops, campaign_id);
create index evaluation_campaign_ix on evaluation (campaign_id, status);

-- Points and comment per criterion per level: SELF for the organisation's own assessment.
create table evaluation_score (
    evaluation_id  bigint       not null references evaluation (id),
    criterion_id   bigint       not null references evaluation_criterion (id),
    level          varchar(10)  not null check (level in ('SELF', 'COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
    points         int          not null check (points >= 0),
    veto_failed    boolean      not null default false,
    comment        varchar(500),
    scored_by      bigint       not null,
    scored_at      timestamptz  not null,
    primary key (evaluation_id, criterion_id, level)
);

create table evaluation_evidence (
    id             bigint generated always as identity primary key,
    evaluation_id  bigint       not null references evaluation (id),
    criterion_id   bigint       not null references evaluation_criterion (id),
    file_name      varchar(200),
    content_type   varchar(100),
    size_bytes     int,
    content        bytea,
    link           varchar(500),
    note           varchar(300),
    uploaded_by    bigint       not null,
    uploaded_at    timestamptz  not null,
    constraint evaluation_evidence_what check ((content is not null and file_name is not null) or link is not null)
);
create index evaluation_evidence_ix on evaluation_evidence (evaluation_id, criterion_id);

-- A recognition at one level: in public notice until notice_until, final after it when every
-- objection is answered; withdrawn with a reason.
create table evaluation_recognition (
    id                bigint generated always as identity primary key,
    evaluation_id     bigint       not null references evaluation (id),
    campaign_id       bigint       not null references evaluation_campaign (id),
    scheme_id         bigint       not null references evaluation_scheme (id),
    year              int          not null,
    org_id            bigint       not null references organization (id),
    org_path          varchar(500) not null,
    level             varchar(10)  not null check (level in ('COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
    score             int          not null,
    recognised_by     bigint       not null,
    notice_from       date         not null,
    notice_until      date         not null,
    created_at        timestamptz  not null,
    withdrawn_at      timestamptz,
    withdrawn_reason  varchar(500),
    unique (evaluation_id, level),
    constraint evaluation_recognition_withdrawn check ((withdrawn_at is null) = (withdrawn_reason is null))
);
create index evaluation_recognition_scope_ix on evaluation_recognition (org_path varchar_pattern_ops, year, level);
create index evaluation_recognition_org_ix on evaluation_recognition (org_id, year);

create table evaluation_objection (
    id              bigint generated always as identity primary key,
    recognition_id  bigint        not null references evaluation_recognition (id),
    raised_by       varchar(100)  not null,
    text            varchar(1000) not null,
    recorded_by     bigint        not null,
    recorded_at     timestamptz   not null,
    answer          varchar(1000),
    answered_by     bigint,
    answered_at     timestamptz
);
create index evaluation_objection_ix on evaluation_objection (recognition_id);
