-- A term ended before its time (resigned, moved, died) says why; a corrected term is changed in place
-- and audited (issue 15).
alter table leadership_term add column end_reason varchar(200);
