-- A prorated amount rounded to whole yuan (1,666.67 → 1,667), as many chambers bill (issue 15):
-- a fourth way to bill a member who joins during the year.
alter table dues_policy drop constraint dues_policy_proration_check;
alter table dues_policy alter column proration type varchar(16);
alter table dues_policy add constraint dues_policy_proration_check
    check (proration in ('FULL', 'MONTHLY', 'MONTHLY_YUAN', 'NONE'));
