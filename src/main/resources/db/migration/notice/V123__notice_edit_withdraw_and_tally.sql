-- A notice can be corrected and withdrawn (issue 20). Editing changes the title, the body, the
-- expiry and whether it is pinned — never whom it went to (decision 39) — until it is withdrawn;
-- every edit is audited with what changed, and a recipient who read it before the last edit sees
-- it marked as changed since. Withdrawing needs a reason; the recipients keep the notice in their
-- inbox, marked withdrawn with the reason, its body no longer shown; a withdrawn data call takes
-- no more replies and a withdrawn notice no more reminders.
alter table notice
    add column edited_at        timestamptz,
    add column edited_by_name   varchar(100),
    add column edits            int not null default 0,
    add column withdrawn_at     timestamptz,
    add column withdrawn_by_name varchar(100),
    add column withdraw_reason  varchar(500),
    add constraint notice_withdrawn_with_reason check ((withdrawn_at is null) = (withdraw_reason is null));

-- The receipt board's members per organisation (issue 20's board goal, p95 ≤ 200 ms for a
-- province's notice): counted once when the notice is sent (in the statement that stores the
-- member recipients) and kept as members read it (the first reading adds one, as notice.members_read
-- does), so the board reads ~5,500 rows instead of grouping a million recipient rows on each view.
create table notice_member_tally (
    notice_id bigint not null references notice (id),
    org_id    bigint not null,
    members   int    not null,
    read      int    not null default 0,
    primary key (notice_id, org_id)
);

insert into notice_member_tally (notice_id, org_id, members, read)
select notice_id, org_id, count(*), count(read_at) from notice_member_recipient group by notice_id, org_id;
