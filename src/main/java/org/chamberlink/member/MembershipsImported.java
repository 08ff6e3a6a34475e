package org.chamberlink.member;

import java.time.LocalDate;
import java.util.List;

/**
 * A member import added memberships to one organisation: one event for the whole file, published
 * in the import's transaction, in place of a {@link MembershipStarted} per row (decision 22: an
 * import of 100,000 rows stays one publication).
 *
 * @param jobId the import job
 * @param memberships the memberships added; rows whose party was already a member (a re-import)
 *        are not among them
 */
public record MembershipsImported(Long jobId, Long orgId, String orgPath, List<Started> memberships) {

	/** One membership the import started. */
	public record Started(Long membershipId, Long partyId, MemberRole role, LocalDate joinedOn) {
	}

}
