package org.chamberlink.evaluation;

/** What the system measures itself for a criterion, from other modules' records. */
public enum Indicator {
	REGISTERED, PARTY_ORGANISATION, LEADERSHIP, FIVE_HAS, DUES_RATE, ACTIVITIES, GOVERNANCE_QUORUM, CASES, VISITS,
	MEMBER_GROWTH, SATISFACTION
}
