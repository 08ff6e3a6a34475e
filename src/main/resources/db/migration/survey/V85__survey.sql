-- Surveys (问卷 / 满意度测评): questions an organisation asks the members of its subtree, named or
-- anonymous, one answer per respondent. The survey module's own tables; who belongs to the audience
-- is read from the member module's published view published_membership (decision 0027).
--
-- Anonymity (decision 0040): who answered (survey_respondent) and what was answered
-- (survey_response, survey_answer) share no key, no sequence and no time. The respondent row has
-- neither an answer id nor a timestamp; a response has a random id (not a sequence whose order
-- follows the respondents'), no party, no membership and no time. Only a named survey's responses
-- have their author, in survey_response_author.

create table survey (
    id                bigint generated always as identity primary key,
    org_id            bigint        not null references organization (id),
    -- the organiser's path, copied so the data scope is one index range on this table
    org_path          varchar(500)  not null,
    title             varchar(200)  not null,
    description       text,
    anonymous         boolean       not null,
    opens_at          timestamptz   not null,
    closes_at         timestamptz   not null,
    audience          varchar(10)   not null check (audience in ('SUBTREE', 'CHOSEN')),
    audience_roles    varchar(20)[] not null default '{}',
    audience_tiers    varchar(10)[] not null default '{}',
    audience_org_ids  bigint[]      not null default '{}',
    status            varchar(10)   not null check (status in ('DRAFT', 'PUBLISHED')),
    created_by        bigint        not null,
    created_at        timestamptz   not null,
    constraint survey_window check (closes_at > opens_at)
);
create index survey_scope_ix on survey (org_path varchar_pattern_ops, opens_at);

create table survey_question (
    id         bigint generated always as identity primary key,
    survey_id  bigint        not null references survey (id),
    position   int           not null,
    kind       varchar(10)   not null check (kind in ('SINGLE', 'MULTIPLE', 'RATING', 'TEXT')),
    text       varchar(300)  not null,
    required   boolean       not null,
    -- the choices of SINGLE and MULTIPLE, in order; an answer names them by position (0, 1, …)
    options    varchar(100)[] not null default '{}',
    unique (survey_id, position)
);

-- Who has answered: one row per respondent (party) and survey, nothing else. No answer id, no time.
create table survey_respondent (
    survey_id  bigint not null references survey (id),
    party_id   bigint not null,
    primary key (survey_id, party_id)
);

-- One response per respondent: the survey and the organisation the respondent belongs to (for the
-- breakdown, whose cells under 5 are never shown) — no person, no time, a random id.
create table survey_response (
    id             uuid         primary key default gen_random_uuid(),
    survey_id      bigint       not null references survey (id),
    org_id         bigint       not null
);
create index survey_response_survey_ix on survey_response (survey_id, org_id);

-- Who wrote a response of a NAMED survey, and when. An anonymous survey's responses have no row here.
create table survey_response_author (
    response_id    uuid         primary key references survey_response (id),
    survey_id      bigint       not null,
    party_id       bigint       not null,
    membership_id  bigint       not null,
    submitted_at   timestamptz  not null
);

create table survey_answer (
    response_id  uuid          not null references survey_response (id),
    question_id  bigint        not null references survey_question (id),
    survey_id    bigint        not null,
    -- the response's organisation again, so the results count without joining the responses
    org_id       bigint        not null,
    -- SINGLE / MULTIPLE: the chosen options' positions; RATING: 1..5; TEXT: the text
    choices      int[],
    rating       int           check (rating between 1 and 5),
    text         varchar(2000),
    primary key (response_id, question_id)
);
create index survey_answer_question_ix on survey_answer (question_id);
create index survey_answer_survey_ix on survey_answer (survey_id, question_id, org_id);
