package org.chamberlink.dues;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chamberlink.shared.Rate;
import org.chamberlink.shared.Fen;

/**
 * Dues collection of an organisation and everything below it for a year. Two rates, named:
 * {@link #amountRate()} is amount paid ÷ amount billed; {@link #billRate()} is bills settled (paid
 * or waived in full) ÷ bills issued; both in per cent truncated to two decimals, as every rate
 * ({@link Rate}). Arrears are bills past their due date and not settled.
 */
public record DuesCollection(Long orgId, String orgName, int year, long bills, long settledBills, long billedFen,
		long paidFen, long waivedFen, long overdueBills, long overdueFen) {

	/** The same figures under the organisation's name, looked up by id (the node's own row has none). */
	DuesCollection named(java.util.Map<Long, String> names) {
		return new DuesCollection(orgId, orgId == null ? null : names.get(orgId), year, bills, settledBills, billedFen,
				paidFen, waivedFen, overdueBills, overdueFen);
	}

	/** Amount paid ÷ amount billed, in per cent; null when nothing was billed. */
	@JsonProperty
	public BigDecimal amountRate() {
		return percent(paidFen, billedFen);
	}

	/** Bills settled ÷ bills issued, in per cent; null when none were issued. */
	@JsonProperty
	public BigDecimal billRate() {
		return percent(settledBills, bills);
	}

	/** Amount paid ÷ amount billed as every page shows a rate ("70.38 %", "—"; {@link Rate#label()}). */
	public String amountRateLabel() {
		return new Rate(paidFen, billedFen).label();
	}

	/** Bills settled ÷ bills issued as every page shows a rate. */
	public String billRateLabel() {
		return new Rate(settledBills, bills).label();
	}

	@JsonProperty
	public long outstandingFen() {
		return billedFen - paidFen - waivedFen;
	}

	public String billed() {
		return Fen.format(billedFen);
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

	public String overdue() {
		return Fen.format(overdueFen);
	}

	private static BigDecimal percent(long part, long whole) {
		return new Rate(part, whole).percent();
	}

}
