-- Notices choose members by industry as well as by role and tier (decision 39): the published
-- membership view gains the industry copied onto the membership, as its last column, so the view
-- is replaced in place.
create or replace view published_membership as
select id as membership_id, party_id, party_name, org_id, org_path, role, joined_on, left_on, tier, industry_code
from membership;
