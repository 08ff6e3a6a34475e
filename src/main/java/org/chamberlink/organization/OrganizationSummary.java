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

	/** How far ahead a president's term ending counts as a renewal due (the dashboard's texts say 90 days too). */
	static final int RENEWAL_WINDOW_DAYS = 90;

	/** The renewal is due within {@link #RENEWAL_WINDOW_DAYS} of {@code today}, or overdue. */
	public boolean renewalDue(LocalDate today) {
		return presidentTermEndsOn != null && !presidentTermEndsOn.isAfter(renewalDueBy(today));
	}

	/** The last term end that counts as due on {@code today}. */
	static LocalDate renewalDueBy(LocalDate today) {
		return today.plusDays(RENEWAL_WINDOW_DAYS);
	}

	/** The same organisation with its region's name (asked of the region module). */
	OrganizationSummary withRegionName(String name) {
		return new OrganizationSummary(id, type, level, chamberKind, this.name, regionCode, name, parentId, path,
				registered, partyOrganisation, status, presidentTermEndsOn, presidentNonPublicEconomy);
	}

	public boolean presidentFlagged() {
		return Boolean.FALSE.equals(presidentNonPublicEconomy);
	}

}
