-- Figures of activities (ActivityFigures) read the activities of a subtree and a period that took
-- place: this index answers them from the index alone (kind, counts and quorum included), one range
-- of the organiser's path, without visiting the rows that lists and check-ins keep changing.
create index activity_figures_ix on activity (org_path varchar_pattern_ops, starts_at)
    include (org_id, kind, registered, attended, registered_attended, quorum_met)
    where status in ('HELD', 'CLOSED');

-- Distinct members reached: the parties checked in at those activities, from the index alone.
create index activity_attendee_present_ix on activity_attendee (activity_id, party_id)
    where checked_in_at is not null and party_id is not null;

-- A photo's thumbnail (JPEG, at most 320 px), made once when it is uploaded, so a page of photos
-- does not send every original to a phone; null for a document and a photo the server cannot read.
alter table activity_file add column thumbnail bytea;
