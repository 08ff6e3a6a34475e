package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One ledger entry of a bill, as its trail shows it. */
public record DuesEntry(Long id, EntryKind kind, long amountFen, long appliedFen, long creditFen, PaymentMethod method,
		String reference, LocalDate occurredOn, String reason, String approver, Long correctsId, Long receiptNo,
		String recordedBy, OffsetDateTime recordedAt, boolean reversed) {

	public String amount() {
		return Fen.format(amountFen);
	}

	public String credit() {
		return Fen.format(creditFen);
	}

	/**
	 * A payment entered after the fact (补录, decision 32): it arrived on a day before the one it was
	 * recorded on (in China), as from a paper ledger.
	 */
	public boolean backdated() {
		return kind == EntryKind.PAYMENT && recordedAt != null && occurredOn != null
				&& occurredOn.isBefore(recordedAtLocal().toLocalDate());
	}

	/** When it was recorded, in China's time. */
	public java.time.LocalDateTime recordedAtLocal() {
		return org.chamberlink.shared.ChinaTime.of(recordedAt);
	}

	public String receipt() {
		return receiptNo == null ? null : Receipt.number(receiptNo);
	}

}
