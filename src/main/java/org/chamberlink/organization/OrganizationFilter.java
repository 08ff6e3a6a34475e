package org.chamberlink.organization;

import org.chamberlink.shared.LikePattern;

/**
 * What the organisation list, its export and the API filter by; every field is optional.
 *
 * @param type federation, association or chamber
 * @param kind one of the five chamber kinds
 * @param regionCode organisations located in this region or below it
 * @param registered registered with civil affairs, or not
 * @param hasParty with a party organisation, or without
 * @param renewalDue the president's term ends within 90 days or has ended
 * @param keyword part of the name
 */
public record OrganizationFilter(OrganizationType type, ChamberKind kind, String regionCode, Boolean registered,
		Boolean hasParty, Boolean renewalDue, String keyword) {

	public static OrganizationFilter none() {
		return new OrganizationFilter(null, null, null, null, null, null, null);
	}

	public static OrganizationFilter chambers() {
		return new OrganizationFilter(OrganizationType.CHAMBER, null, null, null, null, null, null);
	}

	String regionPattern() {
		return LikePattern.startingWith(regionCode);
	}

	String keywordPattern() {
		return LikePattern.containing(keyword);
	}

}
