-- A criterion can be measured by the members' satisfaction from seed 002's 公认度和满意度测评
-- (the survey module's figure survey.satisfactionRate, decision 0056).
alter table evaluation_criterion drop constraint evaluation_criterion_indicator_check;
alter table evaluation_criterion add constraint evaluation_criterion_indicator_check
    check (indicator in ('REGISTERED', 'PARTY_ORGANISATION', 'LEADERSHIP', 'FIVE_HAS', 'DUES_RATE', 'ACTIVITIES',
                         'GOVERNANCE_QUORUM', 'CASES', 'VISITS', 'MEMBER_GROWTH', 'SATISFACTION'));
