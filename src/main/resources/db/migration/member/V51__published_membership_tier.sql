-- The activity module chooses an audience by tier as well as by role (seed 000's 核心层, 紧密层 …):
-- the published membership view gains the tier, as its last column so the view is replaced in place.
create or replace view published_membership as
select id as membership_id, party_id, party_name, org_id, org_path, role, joined_on, left_on, tier
from membership;
