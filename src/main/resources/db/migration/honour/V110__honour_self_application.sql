-- Self-application (issue 18: "members may apply themselves where the programme allows"): a member's
-- application is a nomination by the member's own organisation in the state APPLIED. It holds the
-- member's place (the once-per-programme-and-level index counts it) but not the organisation's
-- quota: the organisation endorses it (SUBMITTED, quota checked then) or declines it with a reason.
alter table honour_nomination drop constraint honour_nomination_status_check;
alter table honour_nomination add constraint honour_nomination_status_check check (status in ('APPLIED', 'SUBMITTED', 'MORE_ASKED',
    'ACCEPTED', 'REJECTED', 'AWARDED', 'FORWARDED', 'RECOMMENDED'));
-- the portal lists the member's own applications
create index honour_nomination_membership_ix on honour_nomination (membership_id) where self_applied;
