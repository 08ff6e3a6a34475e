-- Organisations of the tree as honourees (issue 18: "who can be honoured … organisation of the
-- tree"; seed 002's 先进单位 and 示范单位, seed 003's 星级党组织 and 诚信建设先行商会): a nomination
-- and an award name either a member (membership and party) or an organisation of the tree.
alter table honour_nomination alter column membership_id drop not null,
    alter column party_id drop not null,
    add column honoree_org_id bigint references organization (id);
alter table honour_nomination add constraint honour_nomination_honoree check (
    (membership_id is not null and party_id is not null and honoree_org_id is null)
    or (membership_id is null and party_id is null and honoree_org_id is not null));
-- an organisation is nominated once per programme and level while the nomination stands
create unique index honour_nomination_org_once_ux on honour_nomination (programme_id, level, honoree_org_id)
    where status <> 'REJECTED' and honoree_org_id is not null;

alter table honour_award alter column membership_id drop not null,
    alter column party_id drop not null,
    add column honoree_org_id bigint references organization (id);
alter table honour_award add constraint honour_award_honoree check (
    (membership_id is not null and party_id is not null and honoree_org_id is null)
    or (membership_id is null and party_id is null and honoree_org_id is not null));
create index honour_award_org_ix on honour_award (honoree_org_id) where honoree_org_id is not null;
