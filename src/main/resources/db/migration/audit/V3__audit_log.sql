-- Append-only audit log: who, when, from where, what entity, what changed.
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(64),
    remote_addr varchar(64),
    request_id  varchar(64),
    action      varchar(64)  not null,
    entity_type varchar(64),
    entity_id   varchar(64),
    org_id      bigint,
    summary     varchar(500),
    changes     jsonb
);
create index audit_log_occurred_ix on audit_log (occurred_at desc);
create index audit_log_actor_ix on audit_log (actor, occurred_at desc);
create index audit_log_entity_ix on audit_log (entity_type, entity_id, occurred_at desc);
create index audit_log_action_ix on audit_log (action, occurred_at desc);

-- Append-only is enforced by the database, not only by the code that writes it.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
