package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A payment's receipt (收据): numbered per organisation, the amount in figures and in capitals. */
public record Receipt(Long entryId, long receiptNo, Long orgId, String orgName, String partyName, int year,
		String role, long amountFen, long appliedFen, long creditFen, PaymentMethod method, String reference,
		LocalDate paidOn, String recordedBy, OffsetDateTime recordedAt, boolean reversed) {

	/** The receipt under its organisation's name, looked up by id. */
	Receipt named(java.util.Map<Long, String> names) {
		return new Receipt(entryId, receiptNo, orgId, names.get(orgId), partyName, year, role, amountFen, appliedFen,
				creditFen, method, reference, paidOn, recordedBy, recordedAt, reversed);
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

	public String credit() {
		return Fen.format(creditFen);
	}

}
