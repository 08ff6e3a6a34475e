package org.chamberlink.identity;

/** What an account may do; where it may do it is its organisation node (data scope). */
public enum Role {

	/** Runs the installation: accounts, audit log, reference data. */
	SYSTEM_ADMIN,
	/** Staff of a federation (工商联干部): everything below its node. */
	FEDERATION_ADMIN,
	/** A chamber's secretary-general (秘书长). */
	CHAMBER_ADMIN,
	/** Chamber or federation staff. */
	STAFF,
	/** Auditor or leader (领导): reads dashboards and reports, changes nothing. */
	AUDITOR,
	/** An entrepreneur using the member portal. */
	MEMBER,
	/**
	 * A partner merchant's till (benefit, decision 0041): checks member cards and records uses on
	 * its one page, {@code /merchant}; every other page and API answers it as forbidden.
	 */
	MERCHANT;

	public String authority() {
		return "ROLE_" + name();
	}

}
