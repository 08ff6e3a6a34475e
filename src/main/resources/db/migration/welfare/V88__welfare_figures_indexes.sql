-- The welfare figures of a subtree and period read money delivered by one range of the path and a
-- range of dates: with the amount in the index the sum is an index-only scan (the benchmark's
-- province: 600,000 payments). The index it replaces had the same key.
create index welfare_payment_path_paid_ix on welfare_payment (org_path varchar_pattern_ops, paid_on) include (amount_fen);
drop index welfare_payment_path_ix;
-- advisers whose term overlaps the period, by the same range of the path
create index welfare_adviser_path_term_ix on welfare_adviser (org_path varchar_pattern_ops, starts_on) include (party_id, ends_on);
drop index welfare_adviser_path_ix;
