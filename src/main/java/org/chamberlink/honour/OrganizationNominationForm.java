package org.chamberlink.honour;

/** An organisation of the tree nominated as typed: for which programme and level, by which organisation, which one, why and with what evidence. */
public record OrganizationNominationForm(Long programmeId, HonourLevel level, Long nominatorOrgId, Long honoreeOrgId, String reasons,
		String evidence) {
}
