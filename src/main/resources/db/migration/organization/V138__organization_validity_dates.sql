-- The organisation figures answer as of a date (the statistical return's 31 December, decision 57):
-- an organisation counts from its founding (founded_on; none known: from before any return) until
-- it was dissolved (dissolved_on, the day OrganizationDissolution ran, China time); it counts as
-- registered from registered_on (none known: since always) and as having a party organisation from
-- party_established_on (set when its party organisation is first recorded; none: since always).
alter table organization add column dissolved_on date;
alter table organization add column party_established_on date;

-- Back-fill: the day the audit trail recorded the dissolution; without such an entry (direct
-- writes), the day the organisation was recorded — the earliest it can have been dissolved in the
-- system, so it counts in no return after it was recorded.
update organization o
set dissolved_on = coalesce(
        (select max((a.occurred_at at time zone 'Asia/Shanghai')::date) from audit_log a
         where a.entity_type = 'Organization' and a.entity_id = o.id::text
           and a.changes -> 'status' ->> 'after' = 'DISSOLVED'),
        (o.created_at at time zone 'Asia/Shanghai')::date)
where o.status = 'DISSOLVED';
