-- V134's projects and payments at bulk (the benchmark's 300,000 projects in one statement; a rebuild):
-- their values summed per path, kind and day first, and per month for the month grain, before they are
-- spread over the path's scopes (five or six each), and the sums held in memory instead of spilling
-- to disk batch after batch. The same counts as before.
create or replace function welfare_project_reach(sign int, paths varchar[], pstarts date[], pends date[], jstarts date[],
                                                 committed bigint[], goods bigint[], people bigint[], benefit bigint[])
returns void language sql set work_mem = '512MB' as $$
    insert into welfare_reach_day as t (scope_path, parent_path, own, grain, day, kind, starts, ends)
    select s.scope_path, min(s.parent_path), s.own, gr.grain, gr.day, gr.kind, sum(sign * gr.s), sum(sign * gr.e)
    from (select ev.path, ev.kind, g.grain, case g.grain when 'D' then ev.day else date_trunc('month', ev.day)::date end as day,
                 sum(ev.s) as s, sum(ev.e) as e
          from (select j.path, v.kind, d.day, sum(v.v * d.s) as s, sum(v.v * d.e) as e
                from (select path, greatest(ps, js) as t, pe, c, gd, pp, b
                      from unnest(paths, pstarts, pends, jstarts, committed, goods, people, benefit) as j (path, ps, pe, js, c, gd, pp, b)) j
                cross join lateral (values ('P', 1::bigint), ('K', j.c), ('G', j.gd), ('W', j.pp), ('B', j.b)) v (kind, v)
                cross join lateral (values (j.t, 1, 0), (j.pe, 0, 1)) d (day, s, e)
                where d.day is not null and (j.pe is null or j.t <= j.pe)
                group by 1, 2, 3) ev
          cross join (values ('D'), ('M')) g (grain)
          group by 1, 2, 3, 4) gr
    cross join lateral welfare_scopes(gr.path) s
    group by s.scope_path, s.own, gr.grain, gr.day, gr.kind
    on conflict (scope_path, own, grain, day, kind) do update
        set starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
$$;

create or replace function welfare_payment_reach(sign int, paths varchar[], days date[], amounts bigint[])
returns void language sql set work_mem = '512MB' as $$
    insert into welfare_reach_day as t (scope_path, parent_path, own, grain, day, kind, starts, ends)
    select s.scope_path, min(s.parent_path), s.own, gr.grain, gr.day, 'M', sum(sign * gr.amount), sum(sign * gr.amount)
    from (select m.path, g.grain, case g.grain when 'D' then m.day else date_trunc('month', m.day)::date end as day,
                 sum(m.amount) as amount
          from unnest(paths, days, amounts) as m (path, day, amount)
          cross join (values ('D'), ('M')) g (grain)
          group by 1, 2, 3) gr
    cross join lateral welfare_scopes(gr.path) s
    group by s.scope_path, s.own, gr.grain, gr.day
    on conflict (scope_path, own, grain, day, kind) do update
        set starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
$$;


-- the things and projects looked up by joining their ids (a hash join at bulk), not `= any(array)`: a
-- function's array parameter is searched element by element for every row
create or replace function welfare_figure_late_refresh(ids bigint[]) returns void language sql as $$
    delete from welfare_figure_late l using unnest(ids) u (id) where l.project_id = u.id;
    insert into welfare_figure_late (project_id, scope_path, parent_path, own, kind, a, b, v)
    select j.id, s.scope_path, s.parent_path, s.own, v.kind, p.ends_on, greatest(p.starts_on, j.started_on), v.v
    from (select distinct id from unnest(ids) u (id)) u
    join welfare_project j on j.id = u.id
    join welfare_pairing p on p.id = j.pairing_id
    cross join lateral welfare_scopes(p.org_path) s
    cross join lateral (values ('P', 1::bigint), ('K', j.committed_fen), ('G', j.goods_fen), ('W', j.people_employed::bigint),
                               ('B', j.beneficiaries::bigint)) v (kind, v)
    where p.ends_on < greatest(p.starts_on, j.started_on);
$$;

create or replace function welfare_reach_refresh(k char(1), xs bigint[]) returns void language plpgsql as $$
declare
    n bigint;
begin
    if xs is null or cardinality(xs) = 0 then
        return;
    end if;
    with gone as (delete from welfare_reach r where r.kind = k and r.x in (select unnest(xs))
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
             where k = 'E' and x.party_id in (select unnest(xs))
             union all
             select x.chamber_id, x.org_path, x.starts_on, x.ends_on from welfare_pairing_party x
             where k in ('C', 'O') and x.chamber_id in (select unnest(xs))
             union all
             select p.village_id, p.org_path, p.starts_on, p.ends_on from welfare_pairing p
             where k = 'V' and p.village_id in (select unnest(xs))
             union all
             select p.org_id, p.org_path, p.starts_on, p.ends_on from welfare_pairing p
             where k = 'O' and p.org_id in (select unnest(xs))
             union all
             select a.party_id, a.org_path, a.starts_on, a.ends_on from welfare_adviser a
             where k = 'A' and a.party_id in (select unnest(xs))),
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
alter function welfare_reach_refresh(char, bigint[]) set work_mem = '512MB';
