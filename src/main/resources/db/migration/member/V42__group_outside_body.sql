-- A group member (团体会员) is either an organisation of the tree (group_org_id) or an outside body,
-- an association not in the tree, known by its name and unified social credit code (decision 31).
-- Its credit code is the enterprises' key: one active party per code (party_credit_code_uk), whatever
-- kind it was first entered as.
alter table party drop constraint party_enterprise_fields;
alter table party add constraint party_enterprise_fields
    check ((kind = 'ENTERPRISE' or enterprise_kind is null) and (kind in ('ENTERPRISE', 'GROUP') or credit_code is null));
alter table party drop constraint party_group_fields;
alter table party add constraint party_group_fields
    check (case when kind = 'GROUP' then (group_org_id is null) <> (credit_code is null) else group_org_id is null end);
