-- Phones are personal data (decision 0013): the number an SMS goes to is kept encrypted for the
-- worker (recipient_cipher) and masked in recipient; an opt-out by SMS is keyed by the phone's keyed
-- hash ('hmac:' || hex), never the number. No module queued SMS before this migration; should a
-- row with a number in clear exist, it is masked and, unless already sent, given up.
alter table notification_outbox add column recipient_cipher bytea;

update notification_outbox
set recipient = case when length(recipient) < 8 then repeat('*', length(recipient))
                     else left(recipient, 3) || repeat('*', length(recipient) - 7) || right(recipient, 4) end,
    status = case when status in ('SENT', 'LOGGED') then status else 'DEAD' end,
    last_error = case when status in ('SENT', 'LOGGED') then last_error
                      else 'queued before phones were encrypted (V15): not sent' end,
    locked_until = null
where channel = 'SMS';

alter table notification_outbox add constraint notification_outbox_sms_encrypted
    check (channel <> 'SMS' or recipient_cipher is not null or status in ('SENT', 'LOGGED', 'DEAD'));

-- fails, rather than silently ignoring someone's opt-out, if a number in clear were here
alter table notification_opt_out add constraint notification_opt_out_sms_hashed
    check (channel <> 'SMS' or recipient like 'hmac:%');

-- Whose claim a SENDING row is: a worker sends and marks a message only while the claim is still
-- its own, so a message whose lease ran out and was claimed again is not sent by both.
alter table notification_outbox add column claim_token uuid;
