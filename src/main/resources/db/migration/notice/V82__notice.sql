-- Notices (通知公告) and data calls (工作任务/报送), decision 39. The sender's path is copied into
-- notice.org_path for the data scope, as every module does. Recipients are resolved once, when the
-- notice is sent, and stored set-based (organisations and members); a receipt is the recipient
-- row's read_at. Other modules' rows are named by id only, read through published views.
create table notice (
    id                bigint generated always as identity primary key,
    org_id            bigint       not null,
    org_path          varchar(500) not null,
    kind              varchar(10)  not null check (kind in ('NOTICE', 'DATA_CALL')),
    title             varchar(200) not null,
    body_html         text         not null default '',
    publish_at        timestamptz  not null,
    expires_at        timestamptz,
    pinned            boolean      not null default false,
    due_at            timestamptz,
    audience          jsonb        not null default '{}',
    org_recipients    int          not null default 0,
    member_recipients int          not null default 0,
    -- receipts counted as they come (each recipient row's first reading adds one), so lists and
    -- the board's totals never count a province's million receipts
    orgs_read         int          not null default 0,
    members_read      int          not null default 0,
    created_by        bigint,
    created_by_name   varchar(100),
    created_at        timestamptz  not null default now(),
    constraint notice_due_only_for_data_calls check ((kind = 'DATA_CALL') = (due_at is not null)),
    constraint notice_expiry_after_publication check (expires_at is null or expires_at > publish_at)
);
create index notice_scope_ix on notice (org_path varchar_pattern_ops, publish_at desc);

create table notice_org_recipient (
    notice_id    bigint       not null references notice (id),
    org_id       bigint       not null,
    org_path     varchar(500) not null,
    read_at      timestamptz,
    read_by      bigint,
    read_by_name varchar(100),
    reminded_on  date,
    primary key (notice_id, org_id)
);
create index notice_org_inbox_ix on notice_org_recipient (org_id, notice_id);

create table notice_member_recipient (
    notice_id   bigint      not null references notice (id),
    party_id    bigint      not null,
    org_id      bigint      not null,
    read_at     timestamptz,
    read_by     bigint,
    reminded_on date,
    primary key (notice_id, party_id)
);
create index notice_member_inbox_ix on notice_member_recipient (party_id, notice_id);
create index notice_member_board_ix on notice_member_recipient (notice_id, org_id) include (read_at);

create table notice_reply (
    id                bigint generated always as identity primary key,
    notice_id         bigint        not null references notice (id),
    org_id            bigint        not null,
    status            varchar(10)   not null check (status in ('SUBMITTED', 'RETURNED')),
    text              varchar(4000),
    submitted_at      timestamptz   not null,
    submitted_by      bigint,
    submitted_by_name varchar(100),
    returned_at       timestamptz,
    return_reason     varchar(500),
    rounds            int           not null default 1,
    constraint notice_reply_one_per_org unique (notice_id, org_id)
);

create table notice_file (
    id           bigint generated always as identity primary key,
    notice_id    bigint       not null references notice (id),
    reply_id     bigint       references notice_reply (id),
    purpose      varchar(10)  not null check (purpose in ('ATTACHMENT', 'TEMPLATE', 'REPLY')),
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   int          not null,
    content      bytea        not null,
    created_at   timestamptz  not null default now(),
    constraint notice_file_reply_only_for_replies check ((purpose = 'REPLY') = (reply_id is not null))
);
create index notice_file_notice_ix on notice_file (notice_id, reply_id);
