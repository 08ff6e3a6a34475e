-- The administrative division tree (行政区划) to township level. Codes nest by prefix (a county's
-- 6-digit code starts with its city's 4 digits, a township's 9 digits with its county's 6), so
-- "every region below X" is one indexed prefix predicate: code like 'X%'.
create table region (
    code        varchar(12)  primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
    parent_code varchar(12)  references region (code),
    -- regions added by an administrator (a new development zone) rather than from the NBS file
    added_manually boolean   not null default false,
    abolished_on   date,
    constraint region_code_nests check (parent_code is null or code like parent_code || '%')
);
create index region_parent_ix on region (parent_code);
create index region_code_prefix_ix on region (code varchar_pattern_ops);
create index region_level_ix on region (level, code varchar_pattern_ops);
