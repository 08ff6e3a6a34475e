-- Honours and nominations (表彰): programmes an organisation runs at its level, quotas for the
-- organisations below, nominations up the tree, the public notice (公示) with objections,
-- recommendations to outside bodies, awards with certificates anyone can verify, and plaques.
-- The honour module's own tables; members are referred to by the member module's ids (read through
-- its public API and published view published_membership), organisations by id with paths copied
-- for the data scope.

create table honour_programme (
    id                  bigint generated always as identity primary key,
    org_id              bigint       not null references organization (id),
    org_path            varchar(500) not null,
    -- the level the organiser awards at itself (its own level), and the levels the programme runs
    name                varchar(200) not null,
    co_organizer_name   varchar(200),
    honoree_kinds       varchar(20)[] not null,
    levels              varchar(10)[] not null,
    cycle               int          not null check (cycle between 2000 and 2100),
    certificate         boolean      not null,
    plaque              boolean      not null,
    self_apply          boolean      not null default false,
    rule_party_member   boolean      not null default false,
    rule_dues           boolean      not null default false,
    rule_min_years      int          check (rule_min_years between 1 and 50),
    rule_once           boolean      not null default true,
    rule_registered     boolean      not null default false,
    notice_days         int          not null default 5 check (notice_days between 1 and 60),
    created_by          bigint       not null,
    created_at          timestamptz  not null,
    version             bigint       not null default 0,
    constraint honour_programme_levels check (cardinality(levels) > 0),
    constraint honour_programme_kinds check (cardinality(honoree_kinds) > 0)
);
create index honour_programme_scope_ix on honour_programme (org_path varchar_pattern_ops, cycle);

-- How many an organisation below may nominate for one level of the programme's cycle. The row is
-- locked at each submission, so two at once cannot both take the last place.
create table honour_quota (
    programme_id  bigint      not null references honour_programme (id),
    org_id        bigint      not null references organization (id),
    org_path      varchar(500) not null,
    level         varchar(10) not null,
    quota         int         not null check (quota >= 0),
    primary key (programme_id, org_id, level)
);

create table honour_nomination (
    id                  bigint generated always as identity primary key,
    programme_id        bigint       not null references honour_programme (id),
    level               varchar(10)  not null,
    -- who nominated (an organisation of the tree; for a self-application the member's organisation)
    nominator_org_id    bigint       not null references organization (id),
    nominator_org_path  varchar(500) not null,
    -- who reviews and awards: the federation at the level
    reviewer_org_id     bigint       not null references organization (id),
    reviewer_org_path   varchar(500) not null,
    membership_id       bigint       not null,
    party_id            bigint       not null,
    nominee_name        varchar(200) not null,
    nominee_org_name    varchar(200) not null,
    reasons             text         not null,
    evidence            text,
    self_applied        boolean      not null default false,
    status              varchar(12)  not null check (status in ('SUBMITTED', 'MORE_ASKED', 'ACCEPTED', 'REJECTED',
                            'AWARDED', 'FORWARDED', 'RECOMMENDED')),
    status_reason       varchar(500),
    rank                int          check (rank > 0),
    notice_from         date,
    notice_until        date,
    forwarded_from      bigint       references honour_nomination (id),
    created_by          bigint       not null,
    created_at          timestamptz  not null,
    version             bigint       not null default 0,
    constraint honour_nomination_reason check (status not in ('REJECTED', 'MORE_ASKED') or status_reason is not null)
);
-- a member is nominated once per programme and level while the nomination stands
create unique index honour_nomination_once_ux on honour_nomination (programme_id, level, party_id)
    where status <> 'REJECTED';
create index honour_nomination_reviewer_ix on honour_nomination (reviewer_org_path varchar_pattern_ops, programme_id);
create index honour_nomination_nominator_ix on honour_nomination (nominator_org_path varchar_pattern_ops, programme_id);
create index honour_nomination_quota_ix on honour_nomination (programme_id, nominator_org_id, level) where status <> 'REJECTED';
create index honour_nomination_notice_ix on honour_nomination (programme_id, notice_until) where notice_from is not null;

-- Objections to a nomination on public notice: recorded from the signed-out form, answered by the
-- reviewer; an unanswered one holds the award.
create table honour_objection (
    id             bigint generated always as identity primary key,
    nomination_id  bigint        not null references honour_nomination (id),
    text           varchar(2000) not null,
    contact        varchar(100),
    filed_at       timestamptz   not null,
    answer         varchar(2000),
    answered_by    bigint,
    answered_at    timestamptz,
    constraint honour_objection_answered check ((answer is null) = (answered_at is null))
);
create index honour_objection_open_ix on honour_objection (nomination_id) where answered_at is null;

-- Recommendations to bodies outside the tree (劳动模范 to the trade union …) with their decision.
create table honour_recommendation (
    id              bigint generated always as identity primary key,
    nomination_id   bigint       not null unique references honour_nomination (id),
    outside_body    varchar(200) not null,
    recommended_on  date         not null,
    decision        varchar(10)  not null default 'PENDING' check (decision in ('PENDING', 'ACCEPTED', 'DECLINED')),
    decided_on      date,
    decision_note   varchar(500),
    constraint honour_recommendation_decided check ((decision = 'PENDING') = (decided_on is null))
);

-- Awards: one certificate each, its number random (not a guess away from another), the names as
-- the certificate prints them, revocation with its reason, the plaque's handing over.
create table honour_award (
    id                  bigint generated always as identity primary key,
    nomination_id       bigint       not null unique references honour_nomination (id),
    programme_id        bigint       not null references honour_programme (id),
    level               varchar(10)  not null,
    cycle               int          not null,
    certificate_number  varchar(24)  not null unique,
    awarded_on          date         not null,
    awarding_org_id     bigint       not null references organization (id),
    awarding_org_path   varchar(500) not null,
    awarding_org_name   varchar(200) not null,
    programme_name      varchar(200) not null,
    membership_id       bigint       not null,
    party_id            bigint       not null,
    party_member        boolean      not null,
    awardee_name        varchar(200) not null,
    awardee_org_name    varchar(200) not null,
    awardee_org_path    varchar(500) not null,
    revoked_at          timestamptz,
    revoke_reason       varchar(500),
    plaque_handed_on    date,
    awarded_by          bigint       not null,
    constraint honour_award_revoked check ((revoked_at is null) = (revoke_reason is null))
);
create index honour_award_scope_ix on honour_award (awarding_org_path varchar_pattern_ops, cycle);
create index honour_award_awardee_ix on honour_award (awardee_org_path varchar_pattern_ops, cycle);
create index honour_award_party_ix on honour_award (party_id);
create index honour_award_programme_ix on honour_award (programme_id, level, cycle);

-- The public pages' throttle: hits per address and minute (as the login throttle counts failures
-- in the database, so every instance sees the same counts).
create table honour_public_hit (
    hit_key       varchar(80) not null,
    window_start  timestamptz not null,
    hits          int         not null,
    primary key (hit_key, window_start)
);
