-- A member's double tap on 提交 files one case: the portal's form carries a key made when the form
-- was drawn, kept on the case it filed (issue 15). Null for cases filed any other way.
alter table service_case add column submission_key uuid;
create unique index service_case_submission_key on service_case (submission_key) where submission_key is not null;
