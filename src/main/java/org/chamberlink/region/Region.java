package org.chamberlink.region;

import java.time.LocalDate;

/**
 * A node of the division tree.
 *
 * @param code the statistical division code (2, 4, 6 or 9 digits)
 * @param name its official name
 * @param level province, city, county or township
 * @param parentCode the code of the region above, null for a province
 * @param addedManually true for a region an administrator added (not in the NBS file)
 * @param abolishedOn the date it is or was abolished, null while no abolition is recorded
 * @param townshipKind at township level, whether it is an administrative township; null above
 * @param countsForCoverage whether the coverage of township chambers counts it (administrative
 * townships, and a unit an administrator included)
 */
public record Region(String code, String name, RegionLevel level, String parentCode, boolean addedManually,
		LocalDate abolishedOn, TownshipKind townshipKind, boolean countsForCoverage) {

	/** Whether an abolition is recorded, whatever its date. */
	public boolean abolished() {
		return abolishedOn != null;
	}

	/** Whether it no longer exists on {@code day}: an abolition dated later has not taken effect yet. */
	public boolean abolishedBy(LocalDate day) {
		return abolishedOn != null && !abolishedOn.isAfter(day);
	}

}
