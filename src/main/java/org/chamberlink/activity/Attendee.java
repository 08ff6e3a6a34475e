package org.chamberlink.activity;

import java.time.Instant;
import java.time.LocalDateTime;

import org.chamberlink.shared.ChinaTime;

/**
 * One person on an activity's list: a member (by membership and party) or a guest (name and masked
 * phone), registered, waiting or withdrawn, and when and how they were checked in.
 */
public record Attendee(Long id, Long activityId, Long membershipId, Long partyId, String name, Long orgId, String orgName,
		String guestPhoneMasked, AttendeeStatus status, boolean walkIn, Instant registeredAt, Instant checkedInAt,
		CheckInWay checkInWay) {

	public boolean guest() {
		return membershipId == null;
	}

	public boolean checkedIn() {
		return checkedInAt != null;
	}

	public LocalDateTime checkedInLocal() {
		return checkedInAt == null ? null : ChinaTime.of(checkedInAt);
	}

	public LocalDateTime registeredLocal() {
		return ChinaTime.of(registeredAt);
	}

}
