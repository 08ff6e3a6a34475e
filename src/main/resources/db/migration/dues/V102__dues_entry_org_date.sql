-- An organisation's ledger entries by date: the finance disclosure (三公开) sums a year's money by kind.
create index dues_entry_org_date_ix on dues_entry (org_id, occurred_on) include (kind, amount_fen);
