package org.chamberlink.welfare;

import java.time.LocalDate;
import java.util.List;

/**
 * Money was delivered to a pairing's project (a dated payment, or a correction with a negative
 * amount): for the points ledger, which credits the helping enterprises and chambers.
 *
 * @param partyIds the member enterprises of the pairing
 * @param chamberIds the chambers of the pairing
 * @param overCommitted the project's delivered money now exceeds what was committed
 */
public record PairingProjectDelivered(Long paymentId, Long projectId, Long pairingId, Long orgId, String orgPath,
		List<Long> partyIds, List<Long> chamberIds, long amountFen, LocalDate paidOn, boolean overCommitted) {
}
