-- Casework figures from a tally (decision 23, docs/benchmarks.md). A province's 200,000 cases lie
-- in 5,500 organisations, a few dozen each over two years: a tally per organisation and day would
-- have nearly a row per case. So each case is counted at its handling organisation and again at
-- every organisation above it: the figures of any node for any period read that node's rows, one
-- per day filed (a province: ~330 rows for a year), and its drill-down the rows of the
-- organisations directly below (a province: its 11 cities). Paths never change (an organisation's
-- parent is fixed), so a case moves between rows only when it is transferred, which the triggers
-- see as an update of its org_path. Overdue depends on today: the open cases are tallied by the day
-- their current step falls due, and the overdue ones are those due before today.

create table case_tally (
    org_id               bigint  not null references organization (id),
    filed_on             date    not null,
    -- the organisation handles these cases itself (its own level), not an organisation below it
    own                  boolean not null,
    cases                bigint  not null,
    needs                bigint  not null,
    complaints           bigint  not null,
    mediations           bigint  not null,
    open                 bigint  not null,
    closed               bigint  not null,
    resolved             bigint  not null,
    -- from filing to resolution, summed over the resolved cases (the average's numerator)
    resolution_seconds   numeric not null,
    rated                bigint  not null,
    satisfied            bigint  not null,
    recovered_fen        bigint  not null,
    mediations_concluded bigint  not null,
    agreements           bigint  not null,
    transfers            bigint  not null,
    primary key (org_id, filed_on, own)
);

-- Cases by category, per organisation (and every organisation above it) and day filed.
create table case_category_tally (
    org_id    bigint      not null references organization (id),
    filed_on  date        not null,
    kind      varchar(12) not null,
    category  varchar(30) not null,
    cases     bigint      not null,
    primary key (org_id, filed_on, kind, category)
);

-- Open cases by the day their current step falls due (to accept, or to resolve), per organisation
-- (and every organisation above it) and day filed: overdue today = due before today.
create table case_due_tally (
    org_id    bigint  not null references organization (id),
    filed_on  date    not null,
    due_on    date    not null,
    own       boolean not null,
    open      bigint  not null,
    primary key (org_id, filed_on, due_on, own)
);

-- What the tallies count of a case, with +1 (added) or -1 (taken away).
create type case_tally_change as (
    org_path             varchar(500),
    filed_at             timestamptz,
    kind                 varchar(12),
    category             varchar(30),
    state                varchar(12),
    closed_at            timestamptz,
    rating               smallint,
    amount_recovered_fen bigint,
    mediation_result     varchar(20),
    transfers            int,
    -- an open case's current due date (accept_due_on, then resolve_due_on); null when closed
    due_on               date,
    sign                 int
);

create function case_tally_row(c service_case, sign int) returns case_tally_change language sql immutable as $$
    select row(c.org_path, c.filed_at, c.kind, c.category, c.state, c.closed_at, c.rating, c.amount_recovered_fen,
               c.mediation_result, c.transfers,
               case when c.state = 'SUBMITTED' then c.accept_due_on
                    when c.state in ('ACCEPTED', 'IN_PROGRESS') then c.resolve_due_on end,
               sign)::case_tally_change
$$;

-- Adds changes to the three tallies, at the handling organisation and every organisation above it
-- (the ids on its path), set-based. Rows are written in key order, so two transactions never
-- wait for each other's rows the other way round.
create function case_tally_add(changes case_tally_change[]) returns void language sql as $$
    insert into case_tally as t (org_id, filed_on, own, cases, needs, complaints, mediations, open, closed, resolved,
        resolution_seconds, rated, satisfied, recovered_fen, mediations_concluded, agreements, transfers)
    select a.org_id::bigint, (c.filed_at at time zone 'Asia/Shanghai')::date, a.depth = cardinality(p.ids),
           sum(c.sign),
           sum(case when c.kind = 'NEED' then c.sign else 0 end),
           sum(case when c.kind = 'COMPLAINT' then c.sign else 0 end),
           sum(case when c.kind = 'MEDIATION' then c.sign else 0 end),
           sum(case when c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS') then c.sign else 0 end),
           sum(case when c.state in ('RESOLVED', 'UNRESOLVED', 'REJECTED') then c.sign else 0 end),
           sum(case when c.state = 'RESOLVED' then c.sign else 0 end),
           sum(case when c.state = 'RESOLVED' then c.sign * extract(epoch from c.closed_at - c.filed_at) else 0 end),
           sum(case when c.rating is not null then c.sign else 0 end),
           sum(case when c.rating >= 4 then c.sign else 0 end),
           sum(case when c.state = 'RESOLVED' then c.sign * coalesce(c.amount_recovered_fen, 0) else 0 end),
           sum(case when c.kind = 'MEDIATION' and c.mediation_result is not null then c.sign else 0 end),
           sum(case when c.mediation_result = 'AGREEMENT' then c.sign else 0 end),
           sum(c.sign * c.transfers)
    from unnest(changes) c
    cross join lateral (select string_to_array(trim(both '/' from c.org_path), '/') as ids) p
    cross join lateral unnest(p.ids) with ordinality as a(org_id, depth)
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (org_id, filed_on, own) do update set
        cases = t.cases + excluded.cases, needs = t.needs + excluded.needs,
        complaints = t.complaints + excluded.complaints, mediations = t.mediations + excluded.mediations,
        open = t.open + excluded.open, closed = t.closed + excluded.closed, resolved = t.resolved + excluded.resolved,
        resolution_seconds = t.resolution_seconds + excluded.resolution_seconds,
        rated = t.rated + excluded.rated, satisfied = t.satisfied + excluded.satisfied,
        recovered_fen = t.recovered_fen + excluded.recovered_fen,
        mediations_concluded = t.mediations_concluded + excluded.mediations_concluded,
        agreements = t.agreements + excluded.agreements, transfers = t.transfers + excluded.transfers;

    insert into case_category_tally as t (org_id, filed_on, kind, category, cases)
    select a.org_id::bigint, (c.filed_at at time zone 'Asia/Shanghai')::date, c.kind, c.category, sum(c.sign)
    from unnest(changes) c
    cross join lateral unnest(string_to_array(trim(both '/' from c.org_path), '/')) as a(org_id)
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (org_id, filed_on, kind, category) do update set cases = t.cases + excluded.cases;

    insert into case_due_tally as t (org_id, filed_on, due_on, own, open)
    select a.org_id::bigint, (c.filed_at at time zone 'Asia/Shanghai')::date, c.due_on, a.depth = cardinality(p.ids),
           sum(c.sign)
    from unnest(changes) c
    cross join lateral (select string_to_array(trim(both '/' from c.org_path), '/') as ids) p
    cross join lateral unnest(p.ids) with ordinality as a(org_id, depth)
    where c.due_on is not null
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (org_id, filed_on, due_on, own) do update set open = t.open + excluded.open;
$$;

-- The triggers hand the changed cases to case_tally_add. (Transition tables are visible only in
-- the trigger function itself; one function serves the three statements.) An update counts only
-- the cases whose counted columns changed: a note or a handler changes nothing here.
create function case_tally_changed() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        perform case_tally_add(array(select case_tally_row(n, 1) from new_cases n));
    elsif TG_OP = 'DELETE' then
        perform case_tally_add(array(select case_tally_row(o, -1) from old_cases o));
    else
        perform case_tally_add(array(
            select change
            from old_cases o join new_cases n on n.id = o.id
            cross join lateral (values (case_tally_row(o, -1)), (case_tally_row(n, 1))) as changes(change)
            where case_tally_row(o, 1) is distinct from case_tally_row(n, 1)));
    end if;
    return null;
end $$;

create trigger service_case_tally_insert after insert on service_case
    referencing new table as new_cases for each statement execute function case_tally_changed();
create trigger service_case_tally_update after update on service_case
    referencing old table as old_cases new table as new_cases for each statement execute function case_tally_changed();
create trigger service_case_tally_delete after delete on service_case
    referencing old table as old_cases for each statement execute function case_tally_changed();

-- The lists (docs/benchmarks.md). The figures no longer read the scope index, so it drops V19's
-- figure columns and carries what a list filters by and pages with: a county's cases are found,
-- filtered and sorted from the index alone, then only the page's 20 rows are read. The open
-- cases' index does the same for the open and overdue lists. A province's count comes from the
-- tally (Cases.search).
drop index service_case_scope_ix;
create index service_case_scope_ix on service_case (org_path varchar_pattern_ops, filed_at)
    include (id, kind, category, state);
drop index service_case_open_ix;
create index service_case_open_ix on service_case (org_path varchar_pattern_ops, filed_at)
    include (id, kind, category, state, accept_due_on, resolve_due_on)
    where state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS');
-- transfers waiting for an organisation (the case page's count), without scanning the scope
create index service_case_offered_ix on service_case (transfer_to_org_id) where transfer_to_org_id is not null;

-- the cases filed so far
select case_tally_add(array(select case_tally_row(c, 1) from service_case c));
