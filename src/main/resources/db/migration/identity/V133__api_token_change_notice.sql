-- Every instance keeps the API tokens it has checked in memory for a minute (ApiTokenCache,
-- decision 54); a change to what a token may do — the token revoked or deleted, its account
-- disabled, its password or roles changed — tells every instance at commit through PostgreSQL's
-- NOTIFY, whoever made it (the application, another instance, psql). A token's "last used" is not
-- such a change.
create or replace function api_token_change_notice() returns trigger language plpgsql as $$
begin
    perform pg_notify('chamberlink_api_token', '');
    return null;
end;
$$;

create trigger api_token_changed after update on api_token
    for each row when (old.revoked_at is distinct from new.revoked_at or old.token_hash <> new.token_hash
                       or old.user_id <> new.user_id)
    execute function api_token_change_notice();

create trigger api_token_deleted after delete on api_token
    for each statement execute function api_token_change_notice();

create trigger user_account_changed after update or delete on user_account
    for each statement execute function api_token_change_notice();

create trigger user_account_role_changed after insert or update or delete on user_account_role
    for each statement execute function api_token_change_notice();
