-- The member module's published relations (docs/decisions, "published views"): what other modules read set-based, at a
-- scale no call by id serves — a province's billing run over a million memberships, the arrears
-- list filtered and sorted by the member's name, the day's reminders. Each is a plain view: the
-- planner reads through it to the tables and their indexes, so a query over it plans as one over
-- the tables did. Its columns are a contract the member module keeps when its tables change; the
-- tables stay its own, and no other module's SQL names them (CrossModuleSqlTest).

-- Memberships, current and past, with the copy of the organisation's path the scope reads.
create view published_membership as
select id as membership_id, party_id, party_name, org_id, org_path, role, joined_on, left_on
from membership;

-- The e-mail address each organisation keeps for a party (decision 0019), where its notices go.
create view published_party_email as
select party_id, org_id, email
from party_contact
where email is not null;
