package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A payment's receipt (收据): numbered per organisation, the amount in figures and in capitals. */
public record Receipt(Long entryId, Long billId, long receiptNo, Long orgId, String orgName, String partyName, int year,
		String role, long amountFen, long appliedFen, long creditFen, PaymentMethod method, String reference,
		LocalDate paidOn, String recordedBy, String recordedByName, OffsetDateTime recordedAt, boolean reversed) {

	/** The receipt under its organisation's name and its clerk's (经办人) name, looked up by id and sign-in name. */
	Receipt named(java.util.Map<Long, String> names, java.util.Map<String, String> clerks) {
		return new Receipt(entryId, billId, receiptNo, orgId, names.get(orgId), partyName, year, role, amountFen, appliedFen,
				creditFen, method, reference, paidOn, recordedBy, clerks.getOrDefault(recordedBy, recordedBy), recordedAt,
				reversed);
	}

	public static String number(long receiptNo) {
		return String.format("%06d", receiptNo);
	}

	@JsonProperty
	public String number() {
		return number(receiptNo);
	}

	public String amount() {
		return Fen.format(amountFen);
	}

	@JsonProperty
	public String amountInWords() {
		return ChineseAmount.of(amountFen);
	}

	/** Entered after the fact (补录, decision 32): paid on a day before the one it was recorded on (in China). */
	public boolean backdated() {
		return recordedAt != null && paidOn != null && paidOn.isBefore(recordedAtLocal().toLocalDate());
	}

	/** When it was recorded, in China's time. */
	public java.time.LocalDateTime recordedAtLocal() {
		return org.chamberlink.shared.ChinaTime.of(recordedAt);
	}

	public String credit() {
		return Fen.format(creditFen);
	}

}
