package org.chamberlink.points;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;

/** The level of organisations a rule applies to and a ranking compares: chambers, or federations of one level. */
public enum PointLevel {

	CHAMBER, COUNTY, CITY, PROVINCE;

	public static PointLevel of(OrganizationSummary org) {
		return org.type() == OrganizationType.CHAMBER ? CHAMBER : valueOf(org.level());
	}

}
