-- The event publication registry of Spring Modulith 2.1 (spring-modulith-events-jdbc, JDBC
-- repository V2), decision 22. Copied unchanged from the jar's
-- org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql, so the registry finds
-- exactly the table it expects; its own schema initialisation is switched off (application.yml).
-- One row per event and listener, written in the publishing transaction; completed rows are
-- deleted (completion-mode: delete), so the table holds only what has not been handled yet.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
