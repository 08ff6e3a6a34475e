-- The coverage denominator counts administrative townships only (乡, 镇, 街道 …), not the
-- development zones, farms and companies the code list also holds at that level; an administrator
-- may count such a unit where the province does. Same rule as region.TownshipKind.

alter table region add column township_kind varchar(14) check (township_kind in ('ADMINISTRATIVE', 'OTHER'));
alter table region add column counts_for_coverage boolean not null default false;

update region set township_kind = case
        when substr(code, 7, 3)::int between 1 and 399 and name ~ '(街道|街道办事处|镇|乡|苏木|地区|街)$'
            then 'ADMINISTRATIVE' else 'OTHER' end
where level = 'TOWNSHIP';
update region set counts_for_coverage = (township_kind = 'ADMINISTRATIVE') where level = 'TOWNSHIP';

alter table region add constraint region_township_kind check ((level = 'TOWNSHIP') = (township_kind is not null));
create index region_coverage_ix on region (code varchar_pattern_ops) where level = 'TOWNSHIP' and counts_for_coverage;
