package org.chamberlink.member;

/** A member's role in the organisation, highest first; the tier follows from it unless overridden. */
public enum MemberRole {

	PRESIDENT(Tier.CORE), VICE_PRESIDENT(Tier.CORE), SECRETARY_GENERAL(Tier.CORE), STANDING_DIRECTOR(Tier.CORE),
	DIRECTOR(Tier.CLOSE), SUPERVISOR(Tier.CLOSE), MEMBER(Tier.CONTACT);

	private final Tier defaultTier;

	MemberRole(Tier defaultTier) {
		this.defaultTier = defaultTier;
	}

	public Tier defaultTier() {
		return defaultTier;
	}

}
