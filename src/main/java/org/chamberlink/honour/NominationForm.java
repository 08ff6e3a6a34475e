package org.chamberlink.honour;

/** One nomination as typed: for which programme and level, by which organisation, whom, why and with what evidence. */
public record NominationForm(Long programmeId, HonourLevel level, Long nominatorOrgId, Long membershipId, String reasons,
		String evidence) {
}
