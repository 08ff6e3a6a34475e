-- The organisation tree, published for other modules' set-based reads (decision 39): a notice's
-- audience is "every active organisation below the sender of these levels, types, kinds and this
-- region", resolved and stored in one INSERT … SELECT for a province's 5,500 organisations, which
-- no call by id serves. A plain view over the table (the planner reads through it to its indexes);
-- its columns are a contract the organisation module keeps.
create view published_organization as
select id as org_id, type, level, chamber_kind, name, region_code, parent_id, path, status
from organization;
