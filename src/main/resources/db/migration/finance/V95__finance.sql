-- Financing (decision 0042): bank cooperation agreements (银企合作 / 客户群体担保贷款协议), loan referrals
-- from members to a bank under such an agreement, and each organisation's mutual guarantee fund (联保基金)
-- as an insert-only ledger. Money is in fen; members are referred to by party id, organisations by id,
-- and every row keeps the responsible organisation's path for the data scope (decision 0012).

create table finance_agreement (
    id               bigint generated always as identity primary key,
    org_id           bigint        not null,
    org_path         varchar(500)  not null,
    bank             varchar(100)  not null,
    signed_on        date          not null,
    credit_line_fen  bigint        not null check (credit_line_fen > 0),
    terms            varchar(2000),
    starts_on        date          not null,
    ends_on          date,
    created_at       timestamptz   not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);
create index finance_agreement_path_ix on finance_agreement (org_path varchar_pattern_ops);

create table finance_referral (
    id               bigint generated always as identity primary key,
    org_id           bigint        not null,
    org_path         varchar(500)  not null,
    party_id         bigint        not null,
    amount_fen       bigint        not null check (amount_fen > 0),
    purpose          varchar(500)  not null,
    term_months      int           not null check (term_months between 1 and 360),
    channel          varchar(10)   not null check (channel in ('PORTAL', 'STAFF')),
    status           varchar(12)   not null check (status in ('APPLIED', 'RECOMMENDED', 'GRANTED', 'REFUSED')),
    applied_on       date          not null,
    agreement_id     bigint        references finance_agreement (id),
    bank             varchar(100),
    recommended_on   date,
    granted_fen      bigint        check (granted_fen > 0),
    -- annual interest rate in hundredths of a per cent (4.35% = 435)
    rate_bp          int           check (rate_bp > 0 and rate_bp <= 3600),
    decided_on       date,
    refusal_reason   varchar(500),
    created_at       timestamptz   not null default now(),
    version          bigint        not null default 0,
    check (status = 'APPLIED' or agreement_id is not null or status = 'REFUSED'),
    check (status <> 'GRANTED' or (granted_fen is not null and rate_bp is not null and decided_on is not null))
);
create index finance_referral_path_ix on finance_referral (org_path varchar_pattern_ops, applied_on);
create index finance_referral_party_ix on finance_referral (party_id);

-- The mutual guarantee fund of an organisation: contributions by members, guarantees given, releases
-- (a guaranteed loan repaid) and defaults (the fund pays the bank). Amounts are positive as typed; a
-- correction is a new entry of the same kind with the opposite amount naming the entry it corrects.
create table finance_fund_entry (
    id               bigint generated always as identity primary key,
    org_id           bigint        not null,
    org_path         varchar(500)  not null,
    kind             varchar(12)   not null check (kind in ('CONTRIBUTION', 'GUARANTEE', 'RELEASE', 'DEFAULT')),
    amount_fen       bigint        not null check (amount_fen <> 0),
    party_id         bigint,
    referral_id      bigint        references finance_referral (id),
    entered_on       date          not null,
    note             varchar(300),
    corrects_id      bigint        references finance_fund_entry (id),
    created_by       varchar(100),
    created_at       timestamptz   not null default now(),
    check ((amount_fen > 0) = (corrects_id is null))
);
create index finance_fund_entry_org_ix on finance_fund_entry (org_id, id);
create index finance_fund_entry_path_ix on finance_fund_entry (org_path varchar_pattern_ops);
create unique index finance_fund_entry_corrects_ux on finance_fund_entry (corrects_id) where corrects_id is not null;

create or replace function finance_fund_entry_insert_only() returns trigger language plpgsql as $$
begin
    raise exception 'finance_fund_entry is insert-only: a correction is a new entry';
end $$;
create trigger finance_fund_entry_insert_only before update or delete on finance_fund_entry
    for each row execute function finance_fund_entry_insert_only();
