package org.chamberlink.honour;

import java.util.Set;

/** A programme as typed: every field optional until checked by {@link HonourProgrammes}. */
public record ProgrammeForm(Long orgId, String name, String coOrganizerName, Set<HonoreeKind> honoreeKinds,
		Set<HonourLevel> levels, Integer cycle, Boolean certificate, Boolean plaque, Boolean selfApply, Boolean rulePartyMember,
		Boolean ruleDues, Integer ruleMinYears, Boolean ruleOnce, Boolean ruleRegistered, Integer noticeDays) {

	/** A box not given is unticked, except "once per cycle and level", which holds unless turned off. */
	public ProgrammeForm {
		certificate = Boolean.TRUE.equals(certificate);
		plaque = Boolean.TRUE.equals(plaque);
		selfApply = Boolean.TRUE.equals(selfApply);
		rulePartyMember = Boolean.TRUE.equals(rulePartyMember);
		ruleDues = Boolean.TRUE.equals(ruleDues);
		ruleOnce = !Boolean.FALSE.equals(ruleOnce);
		ruleRegistered = Boolean.TRUE.equals(ruleRegistered);
		honoreeKinds = honoreeKinds == null ? Set.of() : Set.copyOf(honoreeKinds);
		levels = levels == null ? Set.of() : Set.copyOf(levels);
	}

	/** A programme with certificates, honouring enterprises and persons, checking only "once per cycle and level". */
	public static ProgrammeForm of(Long orgId, String name, int cycle, HonourLevel... levels) {
		return new ProgrammeForm(orgId, name, null, Set.of(HonoreeKind.ENTERPRISE, HonoreeKind.INDIVIDUAL_BUSINESS,
				HonoreeKind.PERSON), Set.of(levels), cycle, true, false, false, false, false, null, true, false, 5);
	}

}
