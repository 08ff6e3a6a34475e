package org.chamberlink.organization;

import java.time.LocalDate;

/**
 * One person's term in a leadership role.
 *
 * @param nonPublicEconomy the person is a non-public-economy person (an entrepreneur); a
 * president who is not is flagged (政会分开: chambers are led by entrepreneurs, not officials)
 * @param endReason why the term ended before its time, or null
 */
public record LeadershipTerm(Long id, Long orgId, LeadershipRole role, String personName, boolean nonPublicEconomy,
		LocalDate startsOn, LocalDate endsOn, String endReason) {

	/** Ended before its time, with the reason given. */
	public boolean endedEarly() {
		return endReason != null;
	}

	public boolean current(LocalDate today) {
		return !startsOn.isAfter(today) && endsOn.isAfter(today);
	}

	public boolean flagged() {
		return role == LeadershipRole.PRESIDENT && !nonPublicEconomy;
	}

}
