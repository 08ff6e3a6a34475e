-- Survey results read a tally kept on answering instead of counting every answer (issue 20's rest,
-- decision 0056): per survey, question, respondents' organisation and value, how many answers. The
-- tally holds counts only — no response id, no person, no time — so it joins nobody to an answer.
-- SurveyAnswers adds a response's answers to it in the transaction that writes them, one grouped
-- upsert in key order.

-- the value: -1 = answered the question at all; SINGLE / MULTIPLE: the option's position; RATING: 1..5
create table survey_tally (
    survey_id    bigint        not null references survey (id),
    question_id  bigint        not null references survey_question (id),
    org_id       bigint        not null,
    -- the respondents' organisation's path, for the figures of a subtree (satisfaction rate)
    org_path     varchar(500)  not null,
    value        int           not null check (value >= -1),
    answers      bigint        not null check (answers >= 0),
    primary key (survey_id, question_id, org_id, value)
);
create index survey_tally_path_ix on survey_tally (org_path varchar_pattern_ops);

-- per survey and respondents' organisation: how many responses
create table survey_response_tally (
    survey_id    bigint        not null references survey (id),
    org_id       bigint        not null,
    org_path     varchar(500)  not null,
    responses    bigint        not null check (responses >= 0),
    primary key (survey_id, org_id)
);
create index survey_response_tally_path_ix on survey_response_tally (org_path varchar_pattern_ops);

-- which surveys are seed 002's 公认度和满意度测评 (their ratings feed the satisfaction figure)
alter table survey add column preset varchar(20) check (preset in ('SATISFACTION'));
update survey set preset = 'SATISFACTION' where title like '%公认度和满意度测评';

-- the free texts shown (the first 50 by the random id) read from an index, not all texts of a question
create index survey_answer_text_ix on survey_answer (question_id, response_id) where text is not null;

-- the answers given before this migration (the organisation's path; an organisation gone: its id as a path)
insert into survey_tally (survey_id, question_id, org_id, org_path, value, answers)
select a.survey_id, a.question_id, a.org_id, coalesce(o.path, '/' || a.org_id || '/'), v.value, count(*)
from survey_answer a
left join organization o on o.id = a.org_id
cross join lateral (select -1 as value
                    union all select c from unnest(a.choices) c
                    union all select a.rating where a.rating is not null) v
group by a.survey_id, a.question_id, a.org_id, o.path, v.value;

insert into survey_response_tally (survey_id, org_id, org_path, responses)
select r.survey_id, r.org_id, coalesce(o.path, '/' || r.org_id || '/'), count(*)
from survey_response r
left join organization o on o.id = r.org_id
group by r.survey_id, r.org_id, o.path;
