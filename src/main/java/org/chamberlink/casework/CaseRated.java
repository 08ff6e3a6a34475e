package org.chamberlink.casework;

import java.time.Instant;

/**
 * The member rated a closed case (or staff recorded the rating from a phone follow-up): for the
 * points ledger, which counts a case resolved and rated satisfied. Published in the rating
 * transaction; {@code ratedAt} is the case's stored {@code rated_at}, so it names this rating among
 * the ones a reopened case may get.
 *
 * @param closedAs the state the case was closed in ({@code RESOLVED}, {@code UNRESOLVED}, {@code REJECTED})
 * @param satisfied the rating is {@link CaseSatisfaction#SATISFIED_FROM} or more
 */
public record CaseRated(Long caseId, Long orgId, String orgPath, CaseState closedAs, int rating, boolean satisfied,
		Instant ratedAt) {
}
