package org.chamberlink.dues;

import java.time.LocalDate;

/**
 * One complete ledger entry to write against a bill: what kind, how much (in fen) went to the bill
 * and to credit, and the facts its kind needs. Built by the factory of its kind, so an entry is
 * never written half-filled.
 */
record NewEntry(EntryKind kind, long amountFen, long appliedFen, long creditFen, PaymentMethod method,
		String reference, LocalDate occurredOn, String reason, String approver, Long correctsId, Long receiptNo) {

	static NewEntry payment(long amountFen, long appliedFen, long creditFen, PaymentMethod method, String reference,
			LocalDate paidOn, String note, Long receiptNo) {
		return new NewEntry(EntryKind.PAYMENT, amountFen, appliedFen, creditFen, method, reference, paidOn, note, null,
				null, receiptNo);
	}

	static NewEntry waiver(long amountFen, LocalDate on, String reason, String approver) {
		return new NewEntry(EntryKind.WAIVER, amountFen, 0, 0, null, null, on, reason, approver, null, null);
	}

	/** Takes back exactly what a payment did: the same amounts, negative. */
	static NewEntry correction(long amountFen, long appliedFen, long creditFen, LocalDate on, String reason,
			Long paymentId) {
		return new NewEntry(EntryKind.CORRECTION, -amountFen, -appliedFen, -creditFen, null, null, on, reason, null,
				paymentId, null);
	}

	static NewEntry refund(long amountFen, PaymentMethod method, String reference, LocalDate on, String reason) {
		return new NewEntry(EntryKind.REFUND, amountFen, 0, -amountFen, method, reference, on, reason, null, null, null);
	}

}
