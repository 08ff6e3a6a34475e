-- Case figures read only the scope index (docs/benchmarks.md): it carries every column the figures
-- aggregate, so a province's 200,000 cases are summed from the index, not from the wide case rows
-- (titles, descriptions, outcomes).
drop index service_case_scope_ix;
create index service_case_scope_ix on service_case (org_path varchar_pattern_ops, filed_at)
    include (kind, category, state, accept_due_on, resolve_due_on, closed_at, rating, amount_recovered_fen,
             mediation_result, transfers);
