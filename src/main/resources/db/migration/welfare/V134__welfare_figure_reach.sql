-- Issue 19's province figures (decision 49, second part): every welfare figure of a subtree and a
-- period pre-counted per scope (an organisation's subtree, or its own level) and day, so a node and
-- its drill-down read a few thousand counted rows instead of every active pairing and helper.
--
-- A figure over a period [from, to] counts what is active in it: a thing with an interval [s, e]
-- (e open or a date) counts when s <= to and e >= from. With every interval's start and end
-- counted per day, that is (starts on or before `to`) - (ends before `from`) — two prefix sums
-- (the `from <= to` of every period makes an interval ending before `from` one that started by `to`).
-- * Additive figures (projects, committed, goods, people employed, beneficiaries; money delivered)
--   add each project's values at its start (the later of its own and its pairing's start) and its
--   pairing's end, each payment's amount at its day (an interval of one day).
-- * Distinct counts (enterprises and chambers helping, villages, advisers) can't be summed from
--   their rows: the same enterprise helps many pairings. Per scope and thing (an enterprise, a
--   village …) its intervals are merged into islands (`welfare_reach`); a thing counts once when
--   any of its islands is active, and its active islands are consecutive, so the count is
--   (active islands) - (pairs of consecutive islands both active). A pair is both active when the
--   earlier one ends on or after `from` and the later one starts by `to`: each island after a gap
--   keeps the end of the one before (`prev_ends_on`), and those few are read from the rows.
-- * A project started after its pairing ended counts when from <= the pairing's end and its start
--   <= to; the prefix sums can't say that, so those (rare) projects are read from their rows
--   (`welfare_figure_late`).
-- * Organisations involved are counted from their islands (a few thousand in a province), as each
--   must still be active in the organisation module's published view.
-- Counts per day are kept at two grains, day ('D') and month ('M', on its first day): a prefix sum
-- is the whole months before the cut's month plus the days of it.
-- Everything is kept exact by statement-level triggers on the source tables (transition tables; a
-- changed thing's islands are counted afresh from its rows; a payment or project moves its values);
-- `welfare_figure_reach_rebuild()` counts all afresh (after a bulk load that bypassed triggers).

create table welfare_reach (
    scope_path   varchar(500) not null,
    parent_path  varchar(500) not null,
    own          boolean      not null,
    -- E enterprise helping, C chamber helping, V village paired, A adviser, O organisation involved
    kind         char(1)      not null,
    x            bigint       not null,
    starts_on    date         not null,
    ends_on      date,
    prev_ends_on date
);
create index welfare_reach_key_ix on welfare_reach (kind, x);
create index welfare_reach_scope_ix on welfare_reach (scope_path, own, kind, x) include (starts_on, ends_on);
create index welfare_reach_org_parent_ix on welfare_reach (parent_path, own) include (scope_path, x, starts_on, ends_on)
    where kind = 'O';
create index welfare_reach_gap_ix on welfare_reach (scope_path, own, prev_ends_on) include (kind, starts_on)
    where prev_ends_on is not null and kind <> 'O';
create index welfare_reach_gap_parent_ix on welfare_reach (parent_path, own, prev_ends_on) include (scope_path, kind, starts_on)
    where prev_ends_on is not null and kind <> 'O';

create table welfare_reach_day (
    scope_path  varchar(500) not null,
    parent_path varchar(500) not null,
    own         boolean      not null,
    grain       char(1)      not null,
    day         date         not null,
    -- the distinct kinds above, and P projects, K committed, G goods, W people employed, B beneficiaries, M delivered
    kind        char(1)      not null,
    starts      bigint       not null default 0,
    ends        bigint       not null default 0,
    primary key (scope_path, own, grain, day, kind) include (starts, ends)
);
create index welfare_reach_day_parent_ix on welfare_reach_day (parent_path, own, grain, day) include (scope_path, kind, starts, ends);

create table welfare_figure_late (
    project_id  bigint       not null,
    scope_path  varchar(500) not null,
    parent_path varchar(500) not null,
    own         boolean      not null,
    kind        char(1)      not null,
    -- the pairing's end (a) and the project's start (b): counted when from <= a and b <= to
    a           date         not null,
    b           date         not null,
    v           bigint       not null
);
create index welfare_figure_late_project_ix on welfare_figure_late (project_id);
create index welfare_figure_late_scope_ix on welfare_figure_late (scope_path, own, a) include (kind, b, v);
create index welfare_figure_late_parent_ix on welfare_figure_late (parent_path, own, a) include (scope_path, kind, b, v);

-- the things' rows looked up by thing
create index welfare_pairing_party_chamber_ix on welfare_pairing_party (chamber_id) where chamber_id is not null;
create index welfare_pairing_org_ix on welfare_pairing (org_id);
create index welfare_adviser_party_ix on welfare_adviser (party_id);

-- the scopes a row at `path` counts in: the subtree of every organisation on the path (own false),
-- and the own level of the last (own true)
create function welfare_scopes(path varchar) returns table (scope_path varchar, parent_path varchar, own boolean)
language sql immutable parallel safe as $$
    select ('/' || array_to_string(ids[1:i], '/') || '/')::varchar,
           ('/' || array_to_string(ids[1:i - 1], '/') || case when i = 1 then '' else '/' end)::varchar,
           o.own
    from string_to_array(trim(both '/' from path), '/') ids
    cross join generate_series(1, cardinality(ids)) i
    cross join (values (false), (true)) o (own)
    where not o.own or i = cardinality(ids)
$$;

-- the islands of some things of one kind counted afresh from their rows, the day counts moved by the difference
create function welfare_reach_refresh(k char(1), xs bigint[]) returns void language plpgsql as $$
declare
    n bigint;
begin
    if xs is null or cardinality(xs) = 0 then
        return;
    end if;
    with gone as (delete from welfare_reach r where r.kind = k and r.x = any(xs)
                  returning r.scope_path, r.parent_path, r.own, r.starts_on, r.ends_on),
         ev as (select g.scope_path, g.parent_path, g.own, v.day, sum(v.s) as s, sum(v.e) as e
                from gone g cross join lateral (values (g.starts_on, -1, 0), (g.ends_on, 0, -1)) v (day, s, e)
                where v.day is not null group by 1, 2, 3, 4),
         up as (insert into welfare_reach_day as t (scope_path, parent_path, own, grain, day, kind, starts, ends)
                select ev.scope_path, min(ev.parent_path), ev.own, g.grain,
                       case g.grain when 'D' then ev.day else date_trunc('month', ev.day)::date end, k, sum(ev.s), sum(ev.e)
                from ev cross join (values ('D'), ('M')) g (grain)
                group by ev.scope_path, ev.own, g.grain, 5
                on conflict (scope_path, own, grain, day, kind) do update
                    set starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
                returning 1)
    select count(*) into n from up;

    with raw as (
             select x.party_id as x, x.org_path, x.starts_on, x.ends_on from welfare_pairing_party x
             where k = 'E' and x.party_id = any(xs)
             union all
             select x.chamber_id, x.org_path, x.starts_on, x.ends_on from welfare_pairing_party x
             where k in ('C', 'O') and x.chamber_id = any(xs)
             union all
             select p.village_id, p.org_path, p.starts_on, p.ends_on from welfare_pairing p
             where k = 'V' and p.village_id = any(xs)
             union all
             select p.org_id, p.org_path, p.starts_on, p.ends_on from welfare_pairing p
             where k = 'O' and p.org_id = any(xs)
             union all
             select a.party_id, a.org_path, a.starts_on, a.ends_on from welfare_adviser a
             where k = 'A' and a.party_id = any(xs)),
         r as (select s.scope_path, s.parent_path, s.own, raw.x, raw.starts_on, coalesce(raw.ends_on, 'infinity'::date) as e
               from raw cross join lateral welfare_scopes(raw.org_path) s),
         m as (select r.*, max(r.e) over (partition by r.scope_path, r.own, r.x order by r.starts_on, r.e
                                         rows between unbounded preceding and 1 preceding) as before
               from r),
         g as (select m.*, count(*) filter (where m.before is null or m.starts_on > m.before + 1)
                              over (partition by m.scope_path, m.own, m.x order by m.starts_on, m.e rows unbounded preceding) as island
               from m),
         i as (select g.scope_path, min(g.parent_path) as parent_path, g.own, g.x, min(g.starts_on) as s, max(g.e) as e
               from g group by g.scope_path, g.own, g.x, g.island),
         ins as (insert into welfare_reach (scope_path, parent_path, own, kind, x, starts_on, ends_on, prev_ends_on)
                 select i.scope_path, i.parent_path, i.own, k, i.x, i.s, nullif(i.e, 'infinity'::date),
                        lag(i.e) over (partition by i.scope_path, i.own, i.x order by i.s)
                 from i
                 returning scope_path, parent_path, own, starts_on, ends_on),
         ev as (select ins.scope_path, ins.parent_path, ins.own, v.day, sum(v.s) as s, sum(v.e) as e
                from ins cross join lateral (values (ins.starts_on, 1, 0), (ins.ends_on, 0, 1)) v (day, s, e)
                where v.day is not null group by 1, 2, 3, 4),
         up as (insert into welfare_reach_day as t (scope_path, parent_path, own, grain, day, kind, starts, ends)
                select ev.scope_path, min(ev.parent_path), ev.own, g.grain,
                       case g.grain when 'D' then ev.day else date_trunc('month', ev.day)::date end, k, sum(ev.s), sum(ev.e)
                from ev cross join (values ('D'), ('M')) g (grain)
                group by ev.scope_path, ev.own, g.grain, 5
                on conflict (scope_path, own, grain, day, kind) do update
                    set starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
                returning 1)
    select count(*) into n from up;
end $$;

-- projects' values added (sign 1) or taken out (-1) at their start and their pairing's end, with their
-- pairing's path and dates as given (a project started after its pairing ended is left to welfare_figure_late)
create function welfare_project_reach(sign int, paths varchar[], pstarts date[], pends date[], jstarts date[],
                                      committed bigint[], goods bigint[], people bigint[], benefit bigint[])
returns void language sql as $$
    insert into welfare_reach_day as t (scope_path, parent_path, own, grain, day, kind, starts, ends)
    select s.scope_path, min(s.parent_path), s.own, g.grain,
           case g.grain when 'D' then d.day else date_trunc('month', d.day)::date end, v.kind,
           sum(sign * v.v * d.s), sum(sign * v.v * d.e)
    from (select path, greatest(ps, js) as t, pe, c, gd, pp, b
          from unnest(paths, pstarts, pends, jstarts, committed, goods, people, benefit) as j (path, ps, pe, js, c, gd, pp, b)) j
    cross join lateral welfare_scopes(j.path) s
    cross join lateral (values ('P', 1::bigint), ('K', j.c), ('G', j.gd), ('W', j.pp), ('B', j.b)) v (kind, v)
    cross join lateral (values (j.t, 1, 0), (j.pe, 0, 1)) d (day, s, e)
    cross join (values ('D'), ('M')) g (grain)
    where d.day is not null and (j.pe is null or j.t <= j.pe)
    group by s.scope_path, s.own, g.grain, 5, v.kind
    on conflict (scope_path, own, grain, day, kind) do update
        set starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
$$;

-- money delivered: each payment's amount on its day (start and end of a one-day interval)
create function welfare_payment_reach(sign int, paths varchar[], days date[], amounts bigint[]) returns void language sql as $$
    insert into welfare_reach_day as t (scope_path, parent_path, own, grain, day, kind, starts, ends)
    select s.scope_path, min(s.parent_path), s.own, g.grain,
           case g.grain when 'D' then m.day else date_trunc('month', m.day)::date end, 'M', sum(sign * m.amount), sum(sign * m.amount)
    from unnest(paths, days, amounts) as m (path, day, amount)
    cross join lateral welfare_scopes(m.path) s
    cross join (values ('D'), ('M')) g (grain)
    group by s.scope_path, s.own, g.grain, 5
    on conflict (scope_path, own, grain, day, kind) do update
        set starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
$$;

-- the projects started after their pairing ended, counted afresh
create function welfare_figure_late_refresh(ids bigint[]) returns void language sql as $$
    delete from welfare_figure_late where project_id = any(ids);
    insert into welfare_figure_late (project_id, scope_path, parent_path, own, kind, a, b, v)
    select j.id, s.scope_path, s.parent_path, s.own, v.kind, p.ends_on, greatest(p.starts_on, j.started_on), v.v
    from welfare_project j join welfare_pairing p on p.id = j.pairing_id
    cross join lateral welfare_scopes(p.org_path) s
    cross join lateral (values ('P', 1::bigint), ('K', j.committed_fen), ('G', j.goods_fen), ('W', j.people_employed::bigint),
                               ('B', j.beneficiaries::bigint)) v (kind, v)
    where j.id = any(ids) and p.ends_on < greatest(p.starts_on, j.started_on);
$$;

-- helpers: their enterprises, chambers and organisations counted afresh
create function welfare_reach_party_changed() returns trigger language plpgsql as $$
declare
    parties bigint[];
    chambers bigint[];
begin
    if tg_op = 'INSERT' then
        parties := array(select distinct party_id from new_rows where party_id is not null);
        chambers := array(select distinct chamber_id from new_rows where chamber_id is not null);
    elsif tg_op = 'DELETE' then
        parties := array(select distinct party_id from old_rows where party_id is not null);
        chambers := array(select distinct chamber_id from old_rows where chamber_id is not null);
    else
        parties := array(select party_id from old_rows where party_id is not null
                         union select party_id from new_rows where party_id is not null);
        chambers := array(select chamber_id from old_rows where chamber_id is not null
                          union select chamber_id from new_rows where chamber_id is not null);
    end if;
    perform welfare_reach_refresh('E', parties);
    perform welfare_reach_refresh('C', chambers);
    perform welfare_reach_refresh('O', chambers);
    return null;
end $$;
create trigger welfare_reach_party_inserted after insert on welfare_pairing_party
    referencing new table as new_rows for each statement execute function welfare_reach_party_changed();
create trigger welfare_reach_party_deleted after delete on welfare_pairing_party
    referencing old table as old_rows for each statement execute function welfare_reach_party_changed();
create trigger welfare_reach_party_updated after update on welfare_pairing_party
    referencing old table as old_rows new table as new_rows for each statement execute function welfare_reach_party_changed();

-- pairings: their villages and organisations counted afresh; a changed pairing's projects moved
-- (its helpers follow by welfare_pairing_dates_to_parties)
create function welfare_reach_pairing_changed() returns trigger language plpgsql as $$
declare
    villages bigint[];
    orgs bigint[];
begin
    if tg_op = 'INSERT' then
        villages := array(select distinct village_id from new_rows);
        orgs := array(select distinct org_id from new_rows);
    elsif tg_op = 'DELETE' then
        villages := array(select distinct village_id from old_rows);
        orgs := array(select distinct org_id from old_rows);
    else
        villages := array(select village_id from old_rows union select village_id from new_rows);
        orgs := array(select org_id from old_rows union select org_id from new_rows);
        perform welfare_project_reach(-1, array_agg(o.org_path), array_agg(o.starts_on), array_agg(o.ends_on), array_agg(j.started_on),
                                      array_agg(j.committed_fen), array_agg(j.goods_fen), array_agg(j.people_employed::bigint),
                                      array_agg(j.beneficiaries::bigint))
        from old_rows o join welfare_project j on j.pairing_id = o.id;
        perform welfare_project_reach(1, array_agg(o.org_path), array_agg(o.starts_on), array_agg(o.ends_on), array_agg(j.started_on),
                                      array_agg(j.committed_fen), array_agg(j.goods_fen), array_agg(j.people_employed::bigint),
                                      array_agg(j.beneficiaries::bigint))
        from new_rows o join welfare_project j on j.pairing_id = o.id;
        perform welfare_figure_late_refresh(array(select j.id from new_rows o join welfare_project j on j.pairing_id = o.id));
    end if;
    perform welfare_reach_refresh('V', villages);
    perform welfare_reach_refresh('O', orgs);
    return null;
end $$;
create trigger welfare_reach_pairing_inserted after insert on welfare_pairing
    referencing new table as new_rows for each statement execute function welfare_reach_pairing_changed();
create trigger welfare_reach_pairing_deleted after delete on welfare_pairing
    referencing old table as old_rows for each statement execute function welfare_reach_pairing_changed();
create trigger welfare_reach_pairing_updated after update on welfare_pairing
    referencing old table as old_rows new table as new_rows for each statement execute function welfare_reach_pairing_changed();

-- projects: their values taken out as they were and added as they are, with their pairing's path and dates
create function welfare_reach_project_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        perform welfare_project_reach(-1, array_agg(p.org_path), array_agg(p.starts_on), array_agg(p.ends_on), array_agg(o.started_on),
                                      array_agg(o.committed_fen), array_agg(o.goods_fen), array_agg(o.people_employed::bigint),
                                      array_agg(o.beneficiaries::bigint))
        from old_rows o join welfare_pairing p on p.id = o.pairing_id;
        perform welfare_figure_late_refresh(array(select id from old_rows));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform welfare_project_reach(1, array_agg(p.org_path), array_agg(p.starts_on), array_agg(p.ends_on), array_agg(n.started_on),
                                      array_agg(n.committed_fen), array_agg(n.goods_fen), array_agg(n.people_employed::bigint),
                                      array_agg(n.beneficiaries::bigint))
        from new_rows n join welfare_pairing p on p.id = n.pairing_id;
        perform welfare_figure_late_refresh(array(select id from new_rows));
    end if;
    return null;
end $$;
create trigger welfare_reach_project_inserted after insert on welfare_project
    referencing new table as new_rows for each statement execute function welfare_reach_project_changed();
create trigger welfare_reach_project_deleted after delete on welfare_project
    referencing old table as old_rows for each statement execute function welfare_reach_project_changed();
create trigger welfare_reach_project_updated after update on welfare_project
    referencing old table as old_rows new table as new_rows for each statement execute function welfare_reach_project_changed();

-- payments (corrections are new, negative payments): their amounts on their days
create function welfare_reach_payment_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        perform welfare_payment_reach(-1, array_agg(org_path), array_agg(paid_on), array_agg(amount_fen)) from old_rows;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform welfare_payment_reach(1, array_agg(org_path), array_agg(paid_on), array_agg(amount_fen)) from new_rows;
    end if;
    return null;
end $$;
create trigger welfare_reach_payment_inserted after insert on welfare_payment
    referencing new table as new_rows for each statement execute function welfare_reach_payment_changed();
create trigger welfare_reach_payment_deleted after delete on welfare_payment
    referencing old table as old_rows for each statement execute function welfare_reach_payment_changed();
create trigger welfare_reach_payment_updated after update on welfare_payment
    referencing old table as old_rows new table as new_rows for each statement execute function welfare_reach_payment_changed();

-- advisers: their persons counted afresh
create function welfare_reach_adviser_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform welfare_reach_refresh('A', array(select distinct party_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform welfare_reach_refresh('A', array(select distinct party_id from old_rows));
    else
        perform welfare_reach_refresh('A', array(select party_id from old_rows union select party_id from new_rows));
    end if;
    return null;
end $$;
create trigger welfare_reach_adviser_inserted after insert on welfare_adviser
    referencing new table as new_rows for each statement execute function welfare_reach_adviser_changed();
create trigger welfare_reach_adviser_deleted after delete on welfare_adviser
    referencing old table as old_rows for each statement execute function welfare_reach_adviser_changed();
create trigger welfare_reach_adviser_updated after update on welfare_adviser
    referencing old table as old_rows new table as new_rows for each statement execute function welfare_reach_adviser_changed();

-- everything counted afresh from the source rows (now, and after a bulk load that bypassed the triggers)
create function welfare_figure_reach_rebuild() returns void language plpgsql as $$
begin
    truncate welfare_reach, welfare_reach_day, welfare_figure_late;
    perform welfare_reach_refresh('E', array(select distinct party_id from welfare_pairing_party where party_id is not null));
    perform welfare_reach_refresh('C', array(select distinct chamber_id from welfare_pairing_party where chamber_id is not null));
    perform welfare_reach_refresh('O', array(select chamber_id from welfare_pairing_party where chamber_id is not null
                                             union select org_id from welfare_pairing));
    perform welfare_reach_refresh('V', array(select distinct village_id from welfare_pairing));
    perform welfare_reach_refresh('A', array(select distinct party_id from welfare_adviser));
    perform welfare_project_reach(1, array_agg(p.org_path), array_agg(p.starts_on), array_agg(p.ends_on), array_agg(j.started_on),
                                  array_agg(j.committed_fen), array_agg(j.goods_fen), array_agg(j.people_employed::bigint),
                                  array_agg(j.beneficiaries::bigint))
    from welfare_project j join welfare_pairing p on p.id = j.pairing_id;
    perform welfare_payment_reach(1, array_agg(org_path), array_agg(paid_on), array_agg(amount_fen)) from welfare_payment;
    perform welfare_figure_late_refresh(array(select j.id from welfare_project j join welfare_pairing p on p.id = j.pairing_id
                                              where p.ends_on < greatest(p.starts_on, j.started_on)));
end $$;

select welfare_figure_reach_rebuild();
