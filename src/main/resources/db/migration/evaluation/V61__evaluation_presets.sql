-- The preset schemes, editable afterwards: 四好商会, 五有五好基层商会, the nine standards of seed 002
-- (九要) and 五好县级工商联. The wording is ours, written from the seeds; the structure is the point.

create function pg_temp.criterion(scheme varchar, section_pos int, section_title varchar, pos int, title varchar,
        max_points int, guidance text, evidence varchar, indicator varchar, veto boolean) returns void as $$
declare
    s bigint;
    sec bigint;
begin
    select id into s from evaluation_scheme where code = scheme;
    select id into sec from evaluation_section where scheme_id = s and position = section_pos;
    if sec is null then
        insert into evaluation_section (scheme_id, position, title) values (s, section_pos, section_title) returning id into sec;
    end if;
    insert into evaluation_criterion (scheme_id, section_id, position, title, max_points, guidance, evidence, indicator, veto)
    values (s, sec, pos, title, max_points, guidance, evidence, indicator, veto);
end;
$$ language plpgsql;

insert into evaluation_scheme (code, name, applies_to, description, preset) values
    ('SIHAO', '四好商会', 'CHAMBER', '政治引领好、队伍建设好、服务发展好、自律规范好。未在民政部门依法登记的商会一票否决。', true),
    ('WUYOU_WUHAO', '五有五好基层商会', 'CHAMBER', '有班子、有场所、有人员、有经费、有制度；政治引领好、服务发展好、队伍建设好、自律规范好、作用发挥好。', true),
    ('JIUYAO', '基层商会“九要”标准', 'CHAMBER', '组织要完善、领导要得力、活动要充实、经费要保障、办公要固定、制度要健全、会员要舒畅、作用要突出、社会要认可。', true),
    ('WUHAO_COUNTY', '五好县级工商联', 'COUNTY_FEDERATION', '领导班子好、会员发展好、商会建设好、服务发展好、自身建设好。', true);

insert into evaluation_scheme_level (scheme_id, level, pass_mark)
select s.id, l.level, l.mark from evaluation_scheme s
cross join (values ('COUNTY', 70), ('CITY', 80), ('PROVINCE', 85), ('NATIONAL', 90)) as l (level, mark);

-- 四好商会
select pg_temp.criterion('SIHAO', 0, '基本条件', 1, '在民政部门依法登记', 0, '未登记的商会不得参评（一票否决）。', 'RECORDS', 'REGISTERED', true);
select pg_temp.criterion('SIHAO', 1, '政治引领好', 1, '建立党组织并有效开展活动', 15, '党组织建立情况、组织生活记录。', 'RECORDS', 'PARTY_ORGANISATION', false);
select pg_temp.criterion('SIHAO', 1, '政治引领好', 2, '开展理想信念教育', 10, '学习教育活动方案、照片、纪要。', 'ATTACHMENT', null, false);
select pg_temp.criterion('SIHAO', 2, '队伍建设好', 1, '领导班子按期换届、政会分开', 10, '会长任期在有效期内，会长为非公有制经济人士。', 'RECORDS', 'LEADERSHIP', false);
select pg_temp.criterion('SIHAO', 2, '队伍建设好', 2, '会员发展', 10, '本年度会员增长情况。', 'RECORDS', 'MEMBER_GROWTH', false);
select pg_temp.criterion('SIHAO', 2, '队伍建设好', 3, '会员大会、理事会按章程召开', 10, '治理会议达到法定人数。', 'RECORDS', 'GOVERNANCE_QUORUM', false);
select pg_temp.criterion('SIHAO', 3, '服务发展好', 1, '开展服务活动', 10, '本年度举办的活动及纪要。', 'RECORDS', 'ACTIVITIES', false);
select pg_temp.criterion('SIHAO', 3, '服务发展好', 2, '为会员解决诉求', 10, '诉求办结、超期与满意率。', 'RECORDS', 'CASES', false);
select pg_temp.criterion('SIHAO', 3, '服务发展好', 3, '走访会员企业', 5, '走访计划与完成情况。', 'RECORDS', 'VISITS', false);
select pg_temp.criterion('SIHAO', 4, '自律规范好', 1, '会费收缴', 10, '本年度会费收缴率。', 'RECORDS', 'DUES_RATE', false);
select pg_temp.criterion('SIHAO', 4, '自律规范好', 2, '有办公场所、人员、经费和制度', 10, '登记信息中的“五有”情况。', 'RECORDS', 'FIVE_HAS', false);

-- 五有五好基层商会
select pg_temp.criterion('WUYOU_WUHAO', 1, '五有', 1, '有班子', 8, '领导班子健全，按期换届。', 'RECORDS', 'LEADERSHIP', false);
select pg_temp.criterion('WUYOU_WUHAO', 1, '五有', 2, '有场所、有人员、有经费、有制度', 16, '登记信息中的办公场所、专职人员、经费与制度。', 'RECORDS', 'FIVE_HAS', false);
select pg_temp.criterion('WUYOU_WUHAO', 2, '五好', 1, '政治引领好', 16, '党组织建设与活动。', 'RECORDS', 'PARTY_ORGANISATION', false);
select pg_temp.criterion('WUYOU_WUHAO', 2, '五好', 2, '服务发展好', 16, '服务会员与诉求办理。', 'RECORDS', 'CASES', false);
select pg_temp.criterion('WUYOU_WUHAO', 2, '五好', 3, '队伍建设好', 16, '会员发展情况。', 'RECORDS', 'MEMBER_GROWTH', false);
select pg_temp.criterion('WUYOU_WUHAO', 2, '五好', 4, '自律规范好', 14, '会费收缴与规范运行。', 'RECORDS', 'DUES_RATE', false);
select pg_temp.criterion('WUYOU_WUHAO', 2, '五好', 5, '作用发挥好', 14, '社会责任、公益活动等证明材料。', 'ATTACHMENT', null, false);

-- 九要 (seed 002)
select pg_temp.criterion('JIUYAO', 1, '九要标准', 1, '组织要完善', 12, '建立便于服务、适应发展的组织架构。', 'RECORDS', 'LEADERSHIP', false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 2, '领导要得力', 12, '领导班子有能力、有威望。', 'NONE', null, false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 3, '活动要充实', 12, '活动载体丰富，服务内容创新。', 'RECORDS', 'ACTIVITIES', false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 4, '经费要保障', 11, '经费来源稳定，做好会费收取。', 'RECORDS', 'DUES_RATE', false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 5, '办公要固定', 11, '有固定办公用房，建立“会员之家”。', 'RECORDS', 'FIVE_HAS', false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 6, '制度要健全', 11, '规章制度完善，按制度办事。', 'ATTACHMENT', null, false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 7, '会员要舒畅', 11, '服务实在，会员满意。', 'RECORDS', 'CASES', false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 8, '作用要突出', 10, '服务政府、服务社会、服务会员。', 'RECORDS', 'VISITS', false);
select pg_temp.criterion('JIUYAO', 1, '九要标准', 9, '社会要认可', 10, '政府、社会的认可与表彰。', 'ATTACHMENT', null, false);

-- 五好县级工商联
select pg_temp.criterion('WUHAO_COUNTY', 1, '五好', 1, '领导班子好', 20, '班子健全，按期换届。', 'RECORDS', 'LEADERSHIP', false);
select pg_temp.criterion('WUHAO_COUNTY', 1, '五好', 2, '会员发展好', 20, '会员增长情况。', 'RECORDS', 'MEMBER_GROWTH', false);
select pg_temp.criterion('WUHAO_COUNTY', 1, '五好', 3, '商会建设好', 20, '所属商会的活动与治理会议。', 'RECORDS', 'ACTIVITIES', false);
select pg_temp.criterion('WUHAO_COUNTY', 1, '五好', 4, '服务发展好', 20, '诉求办理与走访。', 'RECORDS', 'CASES', false);
select pg_temp.criterion('WUHAO_COUNTY', 1, '五好', 5, '自身建设好', 20, '工作制度、宣传与信息化材料。', 'ATTACHMENT', null, false);
