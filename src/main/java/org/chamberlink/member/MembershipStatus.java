package org.chamberlink.member;

/** Derived from the dated records: a membership is current until its leave date has come. */
public enum MembershipStatus {

	ACTIVE, LEFT

}
