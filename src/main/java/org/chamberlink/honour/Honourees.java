package org.chamberlink.honour;

import org.chamberlink.organization.OrganizationSummary;

/**
 * One kind of honouree (members, organisations of the tree, staff members) as the shared
 * nomination steps ({@link NominationSteps}) meet it: picked in the nominator's subtree, held against
 * the programme's rules, named on the nomination; and asked again at endorsement and award.
 *
 * @param <H> the honouree as picked, with what its rules need
 */
interface Honourees<H> {

	/**
	 * The honouree behind the form's id: required, visible to the caller, in the nominator's subtree
	 * and in a state to be honoured; refused on the kind's field otherwise.
	 */
	H pick(Long id, OrganizationSummary nominator);

	/** The programme's eligibility rules on the honouree; the first it fails refuses with its own message. */
	void checkEligible(Programme programme, HonourLevel level, H honouree);

	/** The honouree as the nomination names it. */
	Nominee nominee(H honouree);

	/**
	 * The nominee's eligibility asked again (at endorsement and at the award): refused with the rule
	 * it now fails. "Honoured once" is not asked again: the nomination's own place is what it protects.
	 */
	void recheck(Programme programme, Nomination n);

	/** The organisation an award to the nominee counts in. */
	Long awardeeOrgId(Nomination n);

}
