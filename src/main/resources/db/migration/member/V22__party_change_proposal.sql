-- A chamber that holds a member together with organisations outside its subtree cannot change the
-- member's registered facts itself (decision 0019): it proposes the change, and an account whose
-- subtree covers every holder (their common federation) approves or rejects it.
create table party_change_proposal (
    id            bigint generated always as identity primary key,
    party_id      bigint        not null references party (id),
    -- the proposing organisation; its subtree follows the proposal
    org_id        bigint        not null references organization (id),
    org_path      varchar(500)  not null,
    -- the shared facts as proposed (PartyChanges without contacts), and before → after for reading
    proposed      jsonb         not null,
    changes       jsonb         not null,
    status        varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    proposed_by   varchar(64)   not null,
    proposed_at   timestamptz   not null default now(),
    decided_by    varchar(64),
    decided_at    timestamptz,
    decision_note varchar(500),
    constraint party_change_proposal_rejection check (status <> 'REJECTED' or decision_note is not null)
);
create index party_change_proposal_party_ix on party_change_proposal (party_id, status);
create index party_change_proposal_pending_ix on party_change_proposal (proposed_at) where status = 'PENDING';
create index party_change_proposal_scope_ix on party_change_proposal (org_path varchar_pattern_ops);
