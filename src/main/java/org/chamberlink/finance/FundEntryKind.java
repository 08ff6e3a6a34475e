package org.chamberlink.finance;

/**
 * What a guarantee fund entry records: a member's contribution (money in), a guarantee given for a
 * member's loan (committed), its release when the loan is repaid, or a default (the fund pays the
 * bank what it guaranteed).
 */
public enum FundEntryKind {
	CONTRIBUTION, GUARANTEE, RELEASE, DEFAULT
}
