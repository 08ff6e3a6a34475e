package org.chamberlink.dues;

import java.time.LocalDate;

/**
 * A bill became fully settled: what it still owed fell to zero through a payment, a waiver, or
 * credit applied when it was issued. Published in that transaction; the amounts say how it was
 * settled, so a listener may count only what was paid. A bill settled again after a
 * {@link PaymentReversed} publishes it again, with the new settling entry. Amounts in fen.
 *
 * @param settlingEntryId the ledger entry (payment, waiver or credit use) that settled it
 * @param paidFen paid on the bill in all, credit used included
 * @param waivedFen waived on the bill in all
 */
public record DuesCollected(Long billId, Long membershipId, Long partyId, Long orgId, String orgPath, int year,
		long amountFen, long paidFen, long waivedFen, Long settlingEntryId, LocalDate settledOn) {
}
