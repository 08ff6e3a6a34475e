-- Staff as honourees (issue 18: "who can be honoured … staff member"; seed 002's 优秀秘书长, the
-- federation's 优秀工商联干部): a nomination and an award name a member (membership and party), an
-- organisation of the tree, or a staff account of the identity module (its id; the account is read
-- through identity's public API, never its table) — exactly one of the three.
alter table honour_nomination add column honoree_account_id bigint;
alter table honour_nomination drop constraint honour_nomination_honoree;
alter table honour_nomination add constraint honour_nomination_honoree check (
    (membership_id is not null and party_id is not null and honoree_org_id is null and honoree_account_id is null)
    or (membership_id is null and party_id is null and honoree_org_id is not null and honoree_account_id is null)
    or (membership_id is null and party_id is null and honoree_org_id is null and honoree_account_id is not null));
-- a staff member is nominated once per programme and level while the nomination stands
create unique index honour_nomination_account_once_ux on honour_nomination (programme_id, level, honoree_account_id)
    where status <> 'REJECTED' and honoree_account_id is not null;

alter table honour_award add column honoree_account_id bigint;
alter table honour_award drop constraint honour_award_honoree;
alter table honour_award add constraint honour_award_honoree check (
    (membership_id is not null and party_id is not null and honoree_org_id is null and honoree_account_id is null)
    or (membership_id is null and party_id is null and honoree_org_id is not null and honoree_account_id is null)
    or (membership_id is null and party_id is null and honoree_org_id is null and honoree_account_id is not null));
create index honour_award_account_ix on honour_award (honoree_account_id) where honoree_account_id is not null;
