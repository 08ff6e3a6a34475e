-- Billing a province issues a million bills in one statement, and every foreign key and index on
-- dues_bill costs a lookup or an insertion per row (measured: 13,756 bills/s with them). Party,
-- organisation and path are copied from the membership in that same statement, so the membership
-- key is the one that matters; lists, arrears and the portal reach bills through the scope index
-- (path and year; equality on the path for one organisation) or the (membership, year) key.
alter table dues_bill drop constraint dues_bill_party_id_fkey;
alter table dues_bill drop constraint dues_bill_org_id_fkey;
alter table dues_bill drop constraint dues_bill_run_id_fkey;
drop index dues_bill_party_ix;
drop index dues_bill_run_ix;
drop index dues_bill_open_ix;
