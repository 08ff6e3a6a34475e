-- Issue 19's speed goals (decision 49): a pairing's projects and their money, tallied on the pairing,
-- so the pairing list shows each row's projects, committed and delivered money without summing its
-- projects and payments per row, and the figures sum one row per pairing instead of its projects.
-- Kept exact by statement-level triggers (transition tables: a bulk insert updates each pairing
-- once), as member_tally is; a project's period filter in the figures uses the tally only when all
-- of the pairing's projects started by the period's end (last_started_on), else its projects.
create table welfare_pairing_tally (
    pairing_id      bigint  primary key references welfare_pairing (id),
    projects        bigint  not null default 0,
    committed_fen   bigint  not null default 0,
    goods_fen       bigint  not null default 0,
    people_employed bigint  not null default 0,
    beneficiaries   bigint  not null default 0,
    delivered_fen   bigint  not null default 0,
    last_started_on date
);

-- a pairing's tally counted afresh from its projects and payments (rare: a project changed or removed)
create function welfare_pairing_tally_refresh(pairings bigint[]) returns void language plpgsql as $$
begin
    insert into welfare_pairing_tally (pairing_id, projects, committed_fen, goods_fen, people_employed, beneficiaries,
                                       delivered_fen, last_started_on)
    select p.id, count(j.id), coalesce(sum(j.committed_fen), 0), coalesce(sum(j.goods_fen), 0),
           coalesce(sum(j.people_employed), 0), coalesce(sum(j.beneficiaries), 0),
           coalesce((select sum(m.amount_fen) from welfare_payment m join welfare_project k on k.id = m.project_id
                     where k.pairing_id = p.id), 0),
           max(j.started_on)
    from welfare_pairing p left join welfare_project j on j.pairing_id = p.id
    where p.id = any(pairings)
    group by p.id
    on conflict (pairing_id) do update set projects = excluded.projects, committed_fen = excluded.committed_fen,
        goods_fen = excluded.goods_fen, people_employed = excluded.people_employed, beneficiaries = excluded.beneficiaries,
        delivered_fen = excluded.delivered_fen, last_started_on = excluded.last_started_on;
end $$;

create function welfare_project_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into welfare_pairing_tally as t (pairing_id, projects, committed_fen, goods_fen, people_employed, beneficiaries,
                                            last_started_on)
    select pairing_id, count(*), sum(committed_fen), sum(goods_fen), sum(people_employed), sum(beneficiaries), max(started_on)
    from inserted group by pairing_id
    on conflict (pairing_id) do update set projects = t.projects + excluded.projects,
        committed_fen = t.committed_fen + excluded.committed_fen, goods_fen = t.goods_fen + excluded.goods_fen,
        people_employed = t.people_employed + excluded.people_employed, beneficiaries = t.beneficiaries + excluded.beneficiaries,
        last_started_on = greatest(t.last_started_on, excluded.last_started_on);
    return null;
end $$;
create trigger welfare_project_tally_inserted after insert on welfare_project
    referencing new table as inserted for each statement execute function welfare_project_tally_inserted();

create function welfare_project_tally_changed() returns trigger language plpgsql as $$
begin
    perform welfare_pairing_tally_refresh(array(select distinct pairing_id from changed));
    return null;
end $$;
create trigger welfare_project_tally_deleted after delete on welfare_project
    referencing old table as changed for each statement execute function welfare_project_tally_changed();
-- a changed project (its completion; a move to another pairing is never done, but counted right) afresh
create function welfare_project_tally_updated() returns trigger language plpgsql as $$
begin
    perform welfare_pairing_tally_refresh(array(select pairing_id from changed union select pairing_id from moved));
    return null;
end $$;
create trigger welfare_project_tally_updated after update on welfare_project
    referencing old table as changed new table as moved for each statement execute function welfare_project_tally_updated();

create function welfare_payment_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into welfare_pairing_tally as t (pairing_id, delivered_fen)
    select j.pairing_id, sum(i.amount_fen) from inserted i join welfare_project j on j.id = i.project_id group by j.pairing_id
    on conflict (pairing_id) do update set delivered_fen = t.delivered_fen + excluded.delivered_fen;
    return null;
end $$;
create trigger welfare_payment_tally_inserted after insert on welfare_payment
    referencing new table as inserted for each statement execute function welfare_payment_tally_inserted();

create function welfare_payment_tally_changed() returns trigger language plpgsql as $$
begin
    perform welfare_pairing_tally_refresh(array(select distinct j.pairing_id from changed c join welfare_project j on j.id = c.project_id));
    return null;
end $$;
create trigger welfare_payment_tally_updated after update on welfare_payment
    referencing old table as changed for each statement execute function welfare_payment_tally_changed();
create trigger welfare_payment_tally_deleted after delete on welfare_payment
    referencing old table as changed for each statement execute function welfare_payment_tally_changed();

-- the pairings there are now, counted once
select welfare_pairing_tally_refresh(array(select distinct pairing_id from welfare_project));

-- a subtree's helpers read with their pairing's path and dates (copied), so the enterprises and
-- chambers involved are one index range, not a join of every helper to its pairing
alter table welfare_pairing_party add column org_path varchar(500);
alter table welfare_pairing_party add column starts_on date;
alter table welfare_pairing_party add column ends_on date;
update welfare_pairing_party x set org_path = p.org_path, starts_on = p.starts_on, ends_on = p.ends_on
from welfare_pairing p where p.id = x.pairing_id;
create function welfare_pairing_party_copy() returns trigger language plpgsql as $$
begin
    select p.org_path, p.starts_on, p.ends_on into new.org_path, new.starts_on, new.ends_on
    from welfare_pairing p where p.id = new.pairing_id;
    return new;
end $$;
create trigger welfare_pairing_party_copy before insert or update of pairing_id on welfare_pairing_party
    for each row execute function welfare_pairing_party_copy();
create function welfare_pairing_dates_to_parties() returns trigger language plpgsql as $$
begin
    update welfare_pairing_party set org_path = new.org_path, starts_on = new.starts_on, ends_on = new.ends_on
    where pairing_id = new.id;
    return null;
end $$;
create trigger welfare_pairing_dates_to_parties after update of org_path, starts_on, ends_on on welfare_pairing
    for each row execute function welfare_pairing_dates_to_parties();
alter table welfare_pairing_party alter column org_path set not null;
alter table welfare_pairing_party alter column starts_on set not null;
create index welfare_pairing_party_path_ix on welfare_pairing_party (org_path varchar_pattern_ops, starts_on)
    include (ends_on, party_id, chamber_id);
-- an organisation's own member enterprises among the helpers (the own level's participation)
create index welfare_pairing_party_party_ix on welfare_pairing_party (party_id) where party_id is not null;
