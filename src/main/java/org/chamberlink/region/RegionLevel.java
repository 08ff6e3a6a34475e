package org.chamberlink.region;

/** Levels of the division tree, with the length of their statistical codes. */
public enum RegionLevel {

	PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9);

	private final int codeLength;

	RegionLevel(int codeLength) {
		this.codeLength = codeLength;
	}

	public int codeLength() {
		return codeLength;
	}

	/** The level below this one, or null below townships. */
	public RegionLevel below() {
		return this == TOWNSHIP ? null : values()[ordinal() + 1];
	}

}
