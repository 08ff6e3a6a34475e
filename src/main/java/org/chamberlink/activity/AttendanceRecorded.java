package org.chamberlink.activity;

import java.time.Instant;

/** A member was checked in to an activity (guests are not members and raise no event). */
public record AttendanceRecorded(Long activityId, Long orgId, ActivityKind kind, Long membershipId, Long partyId, Instant checkedInAt,
		CheckInWay way) {
}
