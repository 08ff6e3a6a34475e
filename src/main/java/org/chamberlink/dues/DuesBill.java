package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;

/** A bill as lists and the detail page show it; its state is derived on the day asked. */
public record DuesBill(Long id, Long membershipId, Long partyId, String partyName, Long orgId, String orgName, int year,
		String role, long amountFen, long paidFen, long waivedFen, LocalDate dueOn, LocalDate issuedOn) {

	/** The bill under its organisation's name, looked up by id. */
	DuesBill named(java.util.Map<Long, String> names) {
		return new DuesBill(id, membershipId, partyId, partyName, orgId, names.get(orgId), year, role, amountFen, paidFen,
				waivedFen, dueOn, issuedOn);
	}

	@JsonProperty
	public long outstandingFen() {
		return amountFen - paidFen - waivedFen;
	}

	public BillState state(LocalDate today) {
		return BillState.of(amountFen, paidFen, waivedFen, dueOn, today);
	}

	public String amount() {
		return Fen.format(amountFen);
	}

	public String paid() {
		return Fen.format(paidFen);
	}

	public String waived() {
		return Fen.format(waivedFen);
	}

	public String outstanding() {
		return Fen.format(outstandingFen());
	}

}
