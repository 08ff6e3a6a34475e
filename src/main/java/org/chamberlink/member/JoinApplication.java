package org.chamberlink.member;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.chamberlink.shared.ChinaTime;

/** A join application as staff review it and the applicant follows it (personal data masked). */
public record JoinApplication(Long id, Long orgId, String orgName, String token, PartyKind kind, String name,
		String creditCode, EnterpriseKind enterpriseKind, String contactName, String industryCode, String regionCode,
		String idNumberMasked, String phoneMasked, String message, String status, String decisionReason,
		String decidedBy, OffsetDateTime decidedAt, Long partyId, OffsetDateTime submittedAt) {

	public boolean open() {
		return "SUBMITTED".equals(status);
	}


	/** The application with its organisation's name, read from the organisation module. */
	JoinApplication named(java.util.Map<Long, String> names) {
		return new JoinApplication(id, orgId, names.get(orgId), token, kind, name, creditCode, enterpriseKind,
				contactName, industryCode, regionCode, idNumberMasked, phoneMasked, message, status, decisionReason,
				decidedBy, decidedAt, partyId, submittedAt);
	}

	public LocalDateTime submittedInChina() {
		return ChinaTime.of(submittedAt);
	}

}
