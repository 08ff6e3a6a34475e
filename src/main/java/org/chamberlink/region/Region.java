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
 * @param abolishedOn the date it was abolished, null while it exists
 */
public record Region(String code, String name, RegionLevel level, String parentCode, boolean addedManually,
		LocalDate abolishedOn) {

	public boolean abolished() {
		return abolishedOn != null;
	}

}
