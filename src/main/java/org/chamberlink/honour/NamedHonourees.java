package org.chamberlink.honour;

/**
 * Organisations of the tree and staff members as honourees: picked with the names the nomination
 * shows, held against the rules that apply to them (the kind, "honoured once", registration; a
 * programme that sets the members' rules refuses them with {@code membersOnly}).
 */
abstract class NamedHonourees implements Honourees<NamedHonourees.Named> {

	/** An organisation or staff member as picked: as the nomination names it, and whether its organisation is registered. */
	record Named(Nominee nominee, boolean registered) {
	}

	protected final HonourRules rules;

	private final HonoreeKind kind;

	private final String membersOnly;

	NamedHonourees(HonourRules rules, HonoreeKind kind, String membersOnly) {
		this.rules = rules;
		this.kind = kind;
		this.membersOnly = membersOnly;
	}

	@Override
	public void checkEligible(Programme programme, HonourLevel level, Named honouree) {
		rules.checkNonMember(programme, level, kind, membersOnly, honouree.nominee(), honouree.registered());
	}

	@Override
	public Nominee nominee(Named honouree) {
		return honouree.nominee();
	}

}
