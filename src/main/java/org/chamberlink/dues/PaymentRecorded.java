package org.chamberlink.dues;

import java.time.LocalDate;

/**
 * Money for a bill was recorded (a payment entry with its receipt); published in the recording
 * transaction. Amounts in fen.
 *
 * @param entryId the payment entry, which a later {@link PaymentReversed} names
 * @param appliedFen what went to the bill; the rest ({@code creditFen}) became the member's credit
 */
public record PaymentRecorded(Long entryId, Long billId, Long membershipId, Long partyId, Long orgId, String orgPath,
		int year, long amountFen, long appliedFen, long creditFen, PaymentMethod method, LocalDate paidOn) {
}
