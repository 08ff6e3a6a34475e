-- Activities (活动): meetings, trainings and events of an organisation — registration with a
-- waiting list, check-in, minutes with the quorum of governance meetings, and the ledger (台帐).
-- The activity module's own tables; members are referred to by the member module's ids and read
-- through its published view published_membership (decision 0027), organisations by id with the
-- organiser's path copied for the data scope, as every other module does.

create table activity (
    id                      bigint generated always as identity primary key,
    org_id                  bigint       not null references organization (id),
    -- the organiser's path, copied so the data scope is one index range on this table
    org_path                varchar(500) not null,
    kind                    varchar(20)  not null check (kind in ('GENERAL_ASSEMBLY', 'COUNCIL', 'STANDING_COUNCIL',
                                'PRESIDENTS_MEETING', 'TRAINING', 'FORUM', 'EXHIBITION', 'STUDY_TOUR', 'CULTURE_SPORTS',
                                'CHARITY', 'OTHER')),
    title                   varchar(200) not null,
    -- other organisations of the tree by id, and outside bodies by name (e.g. 市司法局)
    co_organizer_ids        bigint[]     not null default '{}',
    co_organizer_names      varchar(300),
    starts_at               timestamptz  not null,
    ends_at                 timestamptz  not null,
    place                   varchar(300),
    online_link             varchar(500),
    agenda                  text,
    capacity                int          check (capacity > 0),
    registration_opens_at   timestamptz,
    registration_closes_at  timestamptz,
    -- who sees it and may register: the organiser's whole subtree, members with chosen roles
    -- (and/or of chosen organisations), or only those invited
    audience                varchar(10)  not null check (audience in ('SUBTREE', 'CHOSEN', 'INVITED')),
    audience_roles          varchar(20)[] not null default '{}',
    audience_tiers          varchar(10)[] not null default '{}',
    audience_org_ids        bigint[]     not null default '{}',
    status                  varchar(10)  not null check (status in ('DRAFT', 'PUBLISHED', 'HELD', 'CLOSED', 'CANCELLED')),
    cancel_reason           varchar(300),
    -- the tally of registrations and attendance, kept when the activity is held and after
    registered              int          not null default 0,
    waitlisted              int          not null default 0,
    attended                int          not null default 0,
    -- of those registered, how many came: the attendance rate's numerator (walk-ins and guests apart)
    registered_attended     int          not null default 0,
    members_attended        int          not null default 0,
    has_minutes             boolean      not null default false,
    quorum_met              boolean,
    created_by              bigint       not null,
    created_at              timestamptz  not null,
    version                 bigint       not null default 0,
    constraint activity_times check (ends_at > starts_at),
    constraint activity_registration_window check (registration_closes_at is null or registration_opens_at is null
        or registration_closes_at > registration_opens_at),
    constraint activity_cancel_reason check ((status = 'CANCELLED') = (cancel_reason is not null))
);
create index activity_scope_ix on activity (org_path varchar_pattern_ops, starts_at);
create index activity_org_ix on activity (org_id, starts_at);
create index activity_starts_ix on activity (starts_at) where status in ('PUBLISHED', 'HELD');

-- An activity's invitation list (audience INVITED), by membership.
create table activity_invitee (
    activity_id    bigint not null references activity (id),
    membership_id  bigint not null,
    primary key (activity_id, membership_id)
);

-- Everyone who registered, was wait-listed, walked in or came as a guest, and whether and how they
-- were checked in. A party comes once: a second registration is refused while the first stands.
create table activity_attendee (
    id                  bigint generated always as identity primary key,
    activity_id         bigint       not null references activity (id),
    membership_id       bigint,
    party_id            bigint,
    guest_name          varchar(50),
    guest_phone_cipher  bytea,
    guest_phone_hash    bytea,
    guest_phone_masked  varchar(11),
    status              varchar(10)  not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED')),
    walk_in             boolean      not null default false,
    registered_at       timestamptz  not null,
    registered_by       bigint,
    cancelled_at        timestamptz,
    checked_in_at       timestamptz,
    check_in_way        varchar(6)   check (check_in_way in ('QR', 'STAFF', 'SHEET')),
    constraint activity_attendee_who check ((membership_id is not null and party_id is not null and guest_name is null)
        or (membership_id is null and party_id is null and guest_name is not null)),
    constraint activity_attendee_checked_in check ((checked_in_at is null) = (check_in_way is null)),
    constraint activity_attendee_present check (checked_in_at is null or status = 'REGISTERED')
);
create unique index activity_attendee_party_ux on activity_attendee (activity_id, party_id)
    where party_id is not null and status <> 'CANCELLED';
create unique index activity_attendee_guest_ux on activity_attendee (activity_id, guest_phone_hash)
    where guest_phone_hash is not null and status <> 'CANCELLED';
create index activity_attendee_activity_ix on activity_attendee (activity_id, status, registered_at, id);
create index activity_attendee_party_ix on activity_attendee (party_id, activity_id) where party_id is not null;

-- Minutes (会议纪要) of an activity; for a governance meeting with who could attend, who did and
-- whether the quorum held, as counted when they were recorded.
create table activity_minutes (
    activity_id    bigint       primary key references activity (id),
    summary        text         not null,
    eligible       int,
    present        int          not null,
    quorum_met     boolean,
    recorded_by    bigint       not null,
    recorded_at    timestamptz  not null,
    version        bigint       not null default 0
);

create table activity_resolution (
    id             bigint generated always as identity primary key,
    activity_id    bigint       not null references activity_minutes (activity_id),
    position       int          not null,
    text           varchar(500) not null,
    votes_for      int          not null check (votes_for >= 0),
    votes_against  int          not null check (votes_against >= 0),
    votes_abstain  int          not null check (votes_abstain >= 0),
    passed         boolean      not null,
    unique (activity_id, position)
);

-- Documents and photos of an activity.
create table activity_file (
    id             bigint generated always as identity primary key,
    activity_id    bigint       not null references activity (id),
    purpose        varchar(10)  not null check (purpose in ('DOCUMENT', 'PHOTO')),
    file_name      varchar(200) not null,
    content_type   varchar(100) not null,
    size_bytes     int          not null,
    content        bytea        not null,
    uploaded_by    bigint       not null,
    uploaded_at    timestamptz  not null
);
create index activity_file_activity_ix on activity_file (activity_id);

-- An organisation's statute rule for its governance meetings: a meeting is valid with more than
-- quorum_numerator/quorum_denominator of those who may attend present, a resolution passes with
-- more than pass_numerator/pass_denominator of those present voting for it. Without a row the
-- defaults hold (more than two thirds; more than half).
create table activity_rule (
    org_id             bigint   primary key references organization (id),
    quorum_numerator   int      not null check (quorum_numerator > 0),
    quorum_denominator int      not null check (quorum_denominator >= quorum_numerator),
    pass_numerator     int      not null check (pass_numerator > 0),
    pass_denominator   int      not null check (pass_denominator >= pass_numerator)
);

-- Secret links of calendar feeds (.ics): one per organisation and one per member's account; a reset
-- replaces the token, and the old link stops working.
create table activity_feed (
    token       varchar(43)  primary key,
    org_id      bigint       unique references organization (id),
    account_id  bigint       unique,
    created_at  timestamptz  not null,
    constraint activity_feed_owner check ((org_id is null) <> (account_id is null))
);
