package org.chamberlink.evaluation;

/** The levels a recognition climbs: county, city, province, national (recorded by the province). */
public enum EvaluationLevel {

	COUNTY, CITY, PROVINCE, NATIONAL;

	/** The level above, or null above the province's recommendation (national is the last). */
	public EvaluationLevel next() {
		return this == NATIONAL ? null : values()[ordinal() + 1];
	}

	/** The level below, or null for the county (it has none). */
	public EvaluationLevel below() {
		return this == COUNTY ? null : values()[ordinal() - 1];
	}

	/** The level a federation of the organisation tree reviews at (its own; a province also records national). */
	static EvaluationLevel of(String orgLevel) {
		if (orgLevel == null) {
			return null;
		}
		return switch (orgLevel) {
			case "COUNTY" -> COUNTY;
			case "CITY" -> CITY;
			case "PROVINCE" -> PROVINCE;
			default -> null;
		};
	}

}
