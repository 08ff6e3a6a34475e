package org.chamberlink.honour;

/** The level an honour is awarded at, lowest first: a federation of that level awards it. */
public enum HonourLevel {

	COUNTY, CITY, PROVINCE, NATIONAL;

	/** The level of a federation (organisation.level), or null for a chamber. */
	public static HonourLevel ofOrganization(String level) {
		if (level == null) {
			return null;
		}
		return switch (level) {
			case "COUNTY" -> COUNTY;
			case "CITY" -> CITY;
			case "PROVINCE" -> PROVINCE;
			default -> NATIONAL;
		};
	}

}
