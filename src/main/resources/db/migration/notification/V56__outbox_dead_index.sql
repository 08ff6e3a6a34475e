-- The outbox's dead messages, counted by the metrics on every scrape (issue 23) without reading the
-- sent ones, which stay in the table.
create index notification_outbox_dead_ix on notification_outbox (id) where status = 'DEAD';
