-- A chamber's standing reads what each rule gave it this year and the newest page of its entries:
-- both from this index alone (index-only scans), however many entries a busy chamber has.
drop index point_entry_org_ix;
create index point_entry_org_ix on point_entry (org_id, year, id) include (rule_id, points);
