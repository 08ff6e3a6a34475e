-- Dues (会费): what each role pays per year, the bills issued from it, and an insert-only ledger of
-- what was paid, waived, corrected and refunded. Amounts are in fen (0.01 yuan), never floating point.

-- How an organisation bills a year: when bills fall due and what a member joining mid-year pays.
create table dues_policy (
    org_id      bigint      not null references organization (id),
    year        int         not null check (year between 2000 and 2100),
    proration   varchar(8)  not null check (proration in ('FULL', 'MONTHLY', 'NONE')),
    due_on      date        not null,
    updated_by  varchar(100) not null,
    updated_at  timestamptz not null default now(),
    primary key (org_id, year)
);

-- The amount per role (DuesSchedule); a change is a new row with a later effective date, so the
-- amount a bill was issued with is never rewritten.
create table dues_schedule (
    id             bigint generated always as identity primary key,
    org_id         bigint       not null references organization (id),
    year           int          not null check (year between 2000 and 2100),
    role           varchar(20)  not null check (role in ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY_GENERAL',
                       'STANDING_DIRECTOR', 'DIRECTOR', 'SUPERVISOR', 'MEMBER')),
    amount_fen     bigint       not null check (amount_fen >= 0),
    effective_from date         not null,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now(),
    unique (org_id, year, role, effective_from)
);

-- A billing run (background job) for one organisation or its whole subtree.
create table dues_billing_run (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null references organization (id),
    year            int          not null,
    subtree         boolean      not null,
    status          varchar(8)   not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    bills_created   int,
    already_billed  int,
    without_schedule int,
    millis          bigint,
    error           varchar(500),
    requested_by    varchar(100) not null,
    requested_at    timestamptz  not null default now(),
    finished_at     timestamptz
);
create index dues_billing_run_org_ix on dues_billing_run (org_id, id desc);

create table dues_bill (
    id             bigint generated always as identity primary key,
    membership_id  bigint       not null references membership (id),
    party_id       bigint       not null references party (id),
    org_id         bigint       not null references organization (id),
    -- the organisation's path, copied so the data scope is one index range on this table
    org_path       varchar(500) not null,
    year           int          not null,
    role           varchar(20)  not null,
    amount_fen     bigint       not null check (amount_fen >= 0),
    due_on         date         not null,
    issued_on      date         not null,
    run_id         bigint       references dues_billing_run (id),
    -- kept by the ledger in the same transaction as each entry: amounts applied to this bill
    paid_fen       bigint       not null default 0,
    waived_fen     bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    -- one bill per membership and year: billing twice creates nothing
    constraint dues_bill_once unique (membership_id, year),
    constraint dues_bill_not_overpaid check (paid_fen >= 0 and waived_fen >= 0 and paid_fen + waived_fen <= amount_fen)
);
create index dues_bill_scope_ix on dues_bill (org_path varchar_pattern_ops, year);
create index dues_bill_party_ix on dues_bill (party_id);
create index dues_bill_run_ix on dues_bill (run_id);
-- the arrears list and reminders read only bills still open
create index dues_bill_open_ix on dues_bill (due_on, org_path varchar_pattern_ops)
    where paid_fen + waived_fen < amount_fen;

-- The ledger: never updated, never deleted. A correction or refund is a new entry.
create table dues_entry (
    id             bigint generated always as identity primary key,
    membership_id  bigint       not null references membership (id),
    org_id         bigint       not null references organization (id),
    org_path       varchar(500) not null,
    bill_id        bigint       references dues_bill (id),
    kind           varchar(12)  not null check (kind in ('PAYMENT', 'WAIVER', 'CORRECTION', 'REFUND', 'CREDIT_USE')),
    -- money received (PAYMENT), forgiven (WAIVER), or the signed change a CORRECTION makes
    amount_fen     bigint       not null,
    -- of the amount, what went to the bill and what became (or, negative, left) the member's credit
    applied_fen    bigint       not null default 0,
    credit_fen     bigint       not null default 0,
    method         varchar(10)  check (method in ('CASH', 'BANK', 'WECHAT', 'ALIPAY')),
    reference      varchar(100),
    occurred_on    date         not null,
    reason         varchar(300),
    approver       varchar(100),
    corrects_id    bigint       references dues_entry (id),
    receipt_no     bigint,
    recorded_by    varchar(100) not null,
    recorded_at    timestamptz  not null default now(),
    constraint dues_entry_payment check (kind <> 'PAYMENT' or (method is not null and amount_fen > 0 and receipt_no is not null)),
    constraint dues_entry_waiver check (kind <> 'WAIVER' or (reason is not null and approver is not null and amount_fen > 0))
);
-- A payment recorded twice with the same reference is refused (checked under an advisory lock on
-- the organisation and reference, so that a reversed payment's reference can be used again).
create index dues_entry_reference_ix on dues_entry (org_id, reference) where reference is not null;
create unique index dues_entry_receipt_uk on dues_entry (org_id, receipt_no) where receipt_no is not null;
create index dues_entry_membership_ix on dues_entry (membership_id);
create index dues_entry_bill_ix on dues_entry (bill_id);
create index dues_entry_corrects_ix on dues_entry (corrects_id) where corrects_id is not null;

-- Receipt numbers run without gaps per organisation (taken in the payment's transaction).
create table dues_receipt_counter (
    org_id  bigint primary key references organization (id),
    last_no bigint not null
);

-- Collection figures per organisation, year and due date, kept by statement-level triggers on
-- dues_bill (as member_tally is): a province's rate sums a few thousand rows, not a million bills.
create table dues_tally (
    org_id        bigint       not null references organization (id),
    org_path      varchar(500) not null,
    year          int          not null,
    due_on        date         not null,
    bills         bigint       not null,
    settled_bills bigint       not null,
    billed_fen    bigint       not null,
    paid_fen      bigint       not null,
    waived_fen    bigint       not null,
    primary key (org_id, year, due_on)
);
create index dues_tally_path_ix on dues_tally (org_path varchar_pattern_ops, year);

create function dues_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into dues_tally as t (org_id, org_path, year, due_on, bills, settled_bills, billed_fen, paid_fen, waived_fen)
    select org_id, org_path, year, due_on, count(*), count(*) filter (where paid_fen + waived_fen >= amount_fen),
           sum(amount_fen), sum(paid_fen), sum(waived_fen)
    from new_bills group by 1, 2, 3, 4
    on conflict (org_id, year, due_on) do update set
        bills = t.bills + excluded.bills, settled_bills = t.settled_bills + excluded.settled_bills,
        billed_fen = t.billed_fen + excluded.billed_fen, paid_fen = t.paid_fen + excluded.paid_fen,
        waived_fen = t.waived_fen + excluded.waived_fen;
    return null;
end $$;

create function dues_tally_updated() returns trigger language plpgsql as $$
begin
    insert into dues_tally as t (org_id, org_path, year, due_on, bills, settled_bills, billed_fen, paid_fen, waived_fen)
    select org_id, org_path, year, due_on, sum(sign), coalesce(sum(sign) filter (where settled), 0), sum(sign * amount_fen),
           sum(sign * paid_fen), sum(sign * waived_fen)
    from (select org_id, org_path, year, due_on, -1 as sign, paid_fen + waived_fen >= amount_fen as settled,
                 amount_fen, paid_fen, waived_fen from old_bills
          union all
          select org_id, org_path, year, due_on, 1, paid_fen + waived_fen >= amount_fen,
                 amount_fen, paid_fen, waived_fen from new_bills) changed
    group by 1, 2, 3, 4
    on conflict (org_id, year, due_on) do update set
        bills = t.bills + excluded.bills, settled_bills = t.settled_bills + coalesce(excluded.settled_bills, 0),
        billed_fen = t.billed_fen + excluded.billed_fen, paid_fen = t.paid_fen + excluded.paid_fen,
        waived_fen = t.waived_fen + excluded.waived_fen;
    return null;
end $$;

create trigger dues_bill_tally_insert after insert on dues_bill
    referencing new table as new_bills for each statement execute function dues_tally_inserted();
create trigger dues_bill_tally_update after update on dues_bill
    referencing old table as old_bills new table as new_bills for each statement execute function dues_tally_updated();
