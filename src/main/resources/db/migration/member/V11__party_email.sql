-- A party's e-mail address, for notices such as dues reminders (not personal data in the sense of
-- decision 0013: it is given to the chamber for exactly this use and shown in clear to staff).
alter table party add column email varchar(200);
