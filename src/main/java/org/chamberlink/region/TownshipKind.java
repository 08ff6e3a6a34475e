package org.chamberlink.region;

import java.util.regex.Pattern;

/**
 * What a township-level unit of the national code list is. The coverage of township chambers
 * divides by administrative townships (乡, 镇, 街道; 苏木 and Beijing's 地区 are the same level);
 * the list also holds development zones, farms, forestry centres, airports and even companies at
 * that level (a province's list of 1,284 had 31), which a report does not count unless its
 * province does ({@link Region#countsForCoverage()} then says so).
 *
 * <p>The rule reads the code and the name: the statistical code's township digits 001–399 are
 * streets, towns and townships, 400 and above units "like a township" (政企合一); within 001–399 a
 * name that does not end as a township does (…直辖村级区划) is not one either. Migration V27 applies
 * the same rule to the loaded list.
 */
public enum TownshipKind {

	ADMINISTRATIVE, OTHER;

	private static final Pattern ADMINISTRATIVE_NAME = Pattern.compile(".*(街道|街道办事处|镇|乡|苏木|地区|街)$");

	public static TownshipKind of(String code, String name) {
		int unit = code.length() == 9 ? Integer.parseInt(code.substring(6)) : 0;
		return unit > 0 && unit < 400 && ADMINISTRATIVE_NAME.matcher(name.strip()).matches() ? ADMINISTRATIVE : OTHER;
	}

}
