package org.chamberlink.dues;

import java.time.LocalDate;

/**
 * A payment recorded in error was reversed by a correction entry that takes back exactly what it
 * did; published in the reversing transaction. Whatever was counted for the payment (and for the
 * bill's {@link DuesCollected}, if it settled the bill) no longer holds. Amounts in fen, positive.
 *
 * @param entryId the correction entry
 * @param paymentEntryId the reversed payment, as in its {@link PaymentRecorded}
 */
public record PaymentReversed(Long entryId, Long paymentEntryId, Long billId, Long membershipId, Long partyId,
		Long orgId, String orgPath, int year, long amountFen, long appliedFen, long creditFen, LocalDate reversedOn) {
}
