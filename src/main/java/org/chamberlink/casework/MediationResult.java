package org.chamberlink.casework;

/** How a mediation ended: an agreement (success), failure, or referral to court. */
public enum MediationResult {

	AGREEMENT, FAILED, REFERRED_TO_COURT

}
