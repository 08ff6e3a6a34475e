package org.chamberlink.organization;

import java.time.LocalDate;

/**
 * An organisation as lists, exports and other modules see it.
 *
 * @param presidentTermEndsOn when the current president's term ends (renewal due), if known
 * @param presidentNonPublicEconomy false flags a president who is not a non-public-economy person
 */
public record OrganizationSummary(Long id, OrganizationType type, String level, ChamberKind chamberKind, String name,
		String regionCode, String regionName, Long parentId, String path, boolean registered,
		String partyOrganisation, String status, LocalDate presidentTermEndsOn, Boolean presidentNonPublicEconomy) {

	/** The renewal is due within 90 days of {@code today}, or overdue. */
	public boolean renewalDue(LocalDate today) {
		return presidentTermEndsOn != null && !presidentTermEndsOn.isAfter(today.plusDays(90));
	}

	public boolean presidentFlagged() {
		return Boolean.FALSE.equals(presidentNonPublicEconomy);
	}

}
