package org.chamberlink.benefit;

import java.time.Instant;

/**
 * A member's card was used at a partner merchant (one use per check): for the points ledger
 * later, should using the card earn points.
 */
public record CardUsed(Long useId, Long merchantId, Long merchantOrgId, Long partyId, Instant at) {
}
