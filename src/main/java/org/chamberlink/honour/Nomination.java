package org.chamberlink.honour;

import java.time.LocalDate;

/** A nomination as lists and the review show it. */
public record Nomination(Long id, Long programmeId, HonourLevel level, Long nominatorOrgId, String nominatorOrgPath,
		Long reviewerOrgId, String reviewerOrgPath, Long membershipId, Long partyId, String nomineeName, String nomineeOrgName,
		String reasons, String evidence, boolean selfApplied, NominationStatus status, String statusReason, Integer rank,
		LocalDate noticeFrom, LocalDate noticeUntil, Long forwardedFrom, long openObjections, long version, Long honoreeOrgId,
		Long honoreeAccountId) {

	static final String COLUMNS = """
			select n.id, n.programme_id, n.level, n.nominator_org_id, n.nominator_org_path, n.reviewer_org_id, n.reviewer_org_path,
			       n.membership_id, n.party_id, n.nominee_name, n.nominee_org_name, n.reasons, n.evidence, n.self_applied, n.status,
			       n.status_reason, n.rank, n.notice_from, n.notice_until, n.forwarded_from,
			       (select count(*) from honour_objection o where o.nomination_id = n.id and o.answered_at is null) as open_objections,
			       n.version, n.honoree_org_id, n.honoree_account_id
			from honour_nomination n
			""";

	public boolean onNotice() {
		return noticeFrom != null;
	}

}
