package org.chamberlink.finance;

/** A loan referral: applied → recommended (to a bank under an agreement) → granted or refused. */
public enum ReferralStatus {
	APPLIED, RECOMMENDED, GRANTED, REFUSED
}
