-- The annual work report (年度工作报告, decision 52): the narrative sections staff write for a year's
-- return (成效 / 经验体会 / 问题 / 下一步目标), and the .docx templates the system administrator has
-- put in place of the built-in default, one per organisation level. The figures themselves are the
-- return's stored cells (report_cell): report and return agree by construction.

create table report_narrative (
    return_id  bigint        not null references report_return (id),
    section    varchar(20)   not null check (section in ('ACHIEVEMENTS', 'EXPERIENCE', 'PROBLEMS', 'NEXT_GOALS')),
    text       varchar(20000) not null,
    updated_by bigint        not null,
    updated_at timestamptz   not null,
    primary key (return_id, section)
);

-- A replaced template per level (PROVINCE, CITY, COUNTY federations; CHAMBER for chambers and
-- associations); a level without a row uses the built-in default.
create table report_template (
    level       varchar(10)  primary key check (level in ('PROVINCE', 'CITY', 'COUNTY', 'CHAMBER')),
    file_name   varchar(200) not null,
    content     bytea        not null,
    uploaded_by bigint       not null,
    uploaded_at timestamptz  not null
);
