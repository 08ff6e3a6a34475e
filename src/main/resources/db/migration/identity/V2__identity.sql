-- Accounts. org_id binds an account to a node of the organisation tree; the tree arrives with the
-- organisations module, which adds the foreign key. Until then it is null (system-wide accounts).
create table user_account (
    id                       bigint generated always as identity primary key,
    username                 varchar(64)  not null,
    display_name             varchar(100) not null,
    password_hash            varchar(200) not null,
    org_id                   bigint,
    enabled                  boolean      not null default true,
    password_change_required boolean      not null default false,
    password_changed_at      timestamptz  not null default now(),
    created_at               timestamptz  not null default now(),
    version                  bigint       not null default 0
);
create unique index user_account_username_uk on user_account (lower(username));
create index user_account_org_ix on user_account (org_id);

create table user_account_role (
    user_id bigint      not null references user_account (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role)
);

-- Personal API tokens: only a SHA-256 of the secret is stored; the secret is shown once.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references user_account (id),
    name         varchar(100) not null,
    token_prefix varchar(16)  not null,
    token_hash   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create unique index api_token_hash_uk on api_token (token_hash);
create index api_token_user_ix on api_token (user_id);

-- Failed-login counters per account ("user:<name>") and per address ("ip:<addr>"), shared by all
-- instances through the database.
create table login_throttle (
    throttle_key    varchar(200) primary key,
    failures        int          not null default 0,
    last_failure_at timestamptz  not null,
    locked_until    timestamptz
);
