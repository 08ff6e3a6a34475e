-- The case list at a province's scale (docs/benchmarks.md): a case is listed through its current
-- organisation's path (the scope index), plus the few cases an account's organisations held before
-- or are offered. Those are the case_holder rows that are not the current holder: flagged and
-- indexed on their own, so finding them never reads the holders of every case in the subtree.
alter table case_holder add column current boolean not null default false;

update case_holder h set current = true
from service_case c
where c.id = h.case_id and c.org_id = h.org_id;

create index case_holder_elsewhere_ix on case_holder (org_path varchar_pattern_ops) where not current;

-- newest first: the list's order, read from the index for a large subtree
create index service_case_filed_ix on service_case (filed_at desc, id desc);
