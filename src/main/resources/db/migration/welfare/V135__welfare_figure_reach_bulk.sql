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

alter function welfare_reach_refresh(char, bigint[]) set work_mem = '512MB';
