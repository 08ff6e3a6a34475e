package org.chamberlink.points;

/** The items seed 003 puts into the points: what a rule rewards, for the chamber's "why". */
public enum PointCategory {

	SERVING_MEMBERS, SERVING_ECONOMY, INTEGRITY, PARTY_BUILDING, SOCIAL_GOVERNANCE, INVESTMENT, RURAL_REVITALISATION, EPIDEMIC

}
