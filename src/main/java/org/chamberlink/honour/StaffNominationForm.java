package org.chamberlink.honour;

/**
 * A staff member nominated as typed: for which programme and level, by which organisation, which
 * staff account (of the nominator's subtree), why and with what evidence.
 */
public record StaffNominationForm(Long programmeId, HonourLevel level, Long nominatorOrgId, Long accountId, String reasons,
		String evidence) {
}
