-- Which account attached a file: a member sees on the portal the files they attached themselves
-- (issue 15), never the office's working papers. Files attached before this are the office's.
alter table case_attachment add column uploaded_by_account bigint;
