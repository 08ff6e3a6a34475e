package org.chamberlink.honour;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;

/**
 * A bulk nomination: every current member of the nominating organisation's subtree matching the
 * filter (optionally one organisation below, a role, a tier, joined at least so many years ago),
 * with one reason for all. Those failing the programme's eligibility are left out and counted.
 */
public record BulkNominationForm(Long programmeId, HonourLevel level, Long nominatorOrgId, Long withinOrgId, MemberRole role,
		Tier tier, Integer joinedYearsAgo, String reasons) {
}
