package org.chamberlink.honour;

import java.time.Instant;
import java.time.LocalDate;

/** An award with what its certificate prints, whether revoked (and why), and the plaque's handing over. */
public record Award(Long id, Long nominationId, Long programmeId, HonourLevel level, int cycle, String certificateNumber,
		LocalDate awardedOn, Long awardingOrgId, String awardingOrgPath, String awardingOrgName, String programmeName,
		Long membershipId, Long partyId, boolean partyMember, String awardeeName, String awardeeOrgName, Instant revokedAt,
		String revokeReason, LocalDate plaqueHandedOn, Long honoreeOrgId, Long honoreeAccountId) {

	static final String COLUMNS = """
			select a.id, a.nomination_id, a.programme_id, a.level, a.cycle, a.certificate_number, a.awarded_on, a.awarding_org_id,
			       a.awarding_org_path, a.awarding_org_name, a.programme_name, a.membership_id, a.party_id, a.party_member,
			       a.awardee_name, a.awardee_org_name, a.revoked_at, a.revoke_reason, a.plaque_handed_on,
			       a.honoree_org_id, a.honoree_account_id
			from honour_award a
			""";

	public boolean revoked() {
		return revokedAt != null;
	}

}
