-- The notification outbox: written in the transaction of the event that causes a message, sent
-- afterwards by a worker. dedup_key makes queuing the same reminder twice a no-op.
create table notification_outbox (
    id              bigint generated always as identity primary key,
    channel         varchar(4)   not null check (channel in ('MAIL', 'SMS')),
    recipient       varchar(200) not null,
    subject         varchar(300) not null,
    body            text         not null,
    topic           varchar(50)  not null,
    dedup_key       varchar(200) not null unique,
    status          varchar(8)   not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'LOGGED', 'FAILED', 'DEAD')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    locked_until    timestamptz,
    sent_at         timestamptz,
    last_error      varchar(500),
    created_at      timestamptz  not null default now()
);
-- the worker's claim: messages due, in order
create index notification_outbox_due_ix on notification_outbox (next_attempt_at)
    where status in ('PENDING', 'FAILED', 'SENDING');

-- Recipients who do not want a topic (e.g. dues reminders) by a channel.
create table notification_opt_out (
    channel    varchar(4)   not null,
    recipient  varchar(200) not null,
    topic      varchar(50)  not null,
    created_at timestamptz  not null default now(),
    primary key (channel, recipient, topic)
);
