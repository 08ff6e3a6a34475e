-- Entries made after the fact (补录, issue 15, decision 32): staff moving a paper ledger in enter a
-- case with the day it was received (and, closed already, the day it was closed) and a visit with
-- the day it was made. The real dates stay where the figures read them (filed_at and closed_at of a
-- case, visited_on and the plan's quarter of a visit); entered_at is when the entry was typed in,
-- null for everything recorded as it happened.
alter table service_case add column entered_at timestamptz;
alter table visit add column entered_at timestamptz;

-- A visit entered from a ledger lies in the quarter it was made, which may be before 2000.
alter table visit drop constraint visit_plan_year_check;
alter table visit add constraint visit_plan_year_check check (plan_year between 1900 and 2100);
