-- Party-member members (中共党员会员, seed 000 counts 5,000+): the member tally gets the party's
-- party membership as one more dimension, kept by the same statement triggers, and is rebuilt
-- from the memberships once.

alter table member_tally add column party_member boolean not null default false;
alter table member_tally drop constraint member_tally_pkey;
alter table member_tally add primary key (org_id, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier);

create or replace function member_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, party_member, role,
                                   tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, p.party_member,
           m.role, m.tier, count(*)
    from new_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

create or replace function member_tally_deleted() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, party_member, role,
                                   tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, p.party_member,
           m.role, m.tier, -count(*)
    from old_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

create or replace function member_tally_updated() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, party_member, role,
                                   tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, p.party_member,
           m.role, m.tier, -count(*)
    from old_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier)
    do update set members = t.members + excluded.members;
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, party_member, role,
                                   tier, members)
    select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, p.party_member,
           m.role, m.tier, count(*)
    from new_memberships m join party p on p.id = m.party_id
    where m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

-- A party's kind, origin, high-tech flag or party membership changes: move its open memberships.
create or replace function member_tally_party_updated() returns trigger language plpgsql as $$
begin
    insert into member_tally as t (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, party_member, role,
                                   tier, members)
    select m.org_id, m.org_path, x.kind, x.enterprise_kind, x.out_of_town, x.high_tech, x.party_member, m.role, m.tier,
           sum(x.sign)
    from (select o.id, o.kind, coalesce(o.enterprise_kind, '') as enterprise_kind, o.out_of_town, o.high_tech,
                 o.party_member, -1 as sign
          from old_parties o join new_parties n on n.id = o.id
          where (o.kind, coalesce(o.enterprise_kind, ''), o.out_of_town, o.high_tech, o.party_member)
                is distinct from (n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech, n.party_member)
          union all
          select n.id, n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech, n.party_member, 1
          from old_parties o join new_parties n on n.id = o.id
          where (o.kind, coalesce(o.enterprise_kind, ''), o.out_of_town, o.high_tech, o.party_member)
                is distinct from (n.kind, coalesce(n.enterprise_kind, ''), n.out_of_town, n.high_tech, n.party_member)) x
    join membership m on m.party_id = x.id and m.left_on is null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (org_id, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier)
    do update set members = t.members + excluded.members;
    return null;
end $$;

truncate member_tally;
insert into member_tally (org_id, org_path, kind, enterprise_kind, out_of_town, high_tech, party_member, role, tier, members)
select m.org_id, m.org_path, p.kind, coalesce(p.enterprise_kind, ''), p.out_of_town, p.high_tech, p.party_member, m.role,
       m.tier, count(*)
from membership m join party p on p.id = m.party_id
where m.left_on is null
group by 1, 2, 3, 4, 5, 6, 7, 8, 9;
