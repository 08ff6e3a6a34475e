package org.chamberlink.activity;

import java.time.LocalDate;

/**
 * An activity took place (marked held by staff or, once its end has passed, by the daily sweep):
 * for the points ledger and the evaluations that count what an organisation did.
 *
 * @param attended person-times checked in (members, walk-ins and guests)
 * @param membersAttended of them, distinct members
 */
public record ActivityHeld(Long activityId, Long orgId, String orgPath, ActivityKind kind, LocalDate heldOn, int attended,
		int membersAttended) {
}
