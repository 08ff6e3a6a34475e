package org.chamberlink.proposal;

/**
 * Whom a proposal is handed to: a people's-congress deputy or a CPPCC member, recognised by the
 * word in the person's public roles (政治安排) in the member registry.
 */
public enum HolderRole {

	DEPUTY("人大代表"), CPPCC("政协委员");

	private final String word;

	HolderRole(String word) {
		this.word = word;
	}

	/** The word the member registry's public roles name this role by. */
	public String word() {
		return word;
	}

}
