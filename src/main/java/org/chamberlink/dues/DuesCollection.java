package org.chamberlink.dues;

import org.chamberlink.web.Fen;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Dues collection of an organisation and everything below it for a year. Two rates, named:
 * {@link #amountRate()} is amount paid ÷ amount billed; {@link #billRate()} is bills settled (paid
 * or waived in full) ÷ bills issued. Arrears are bills past their due date and not settled.
 */
public record DuesCollection(Long orgId, String orgName, int year, long bills, long settledBills, long billedFen,
		long paidFen, long waivedFen, long overdueBills, long overdueFen) {

	/** Amount paid ÷ amount billed, in per cent with one decimal; null when nothing was billed. */
	@JsonProperty
	public BigDecimal amountRate() {
		return percent(paidFen, billedFen);
	}

	/** Bills settled ÷ bills issued, in per cent with one decimal; null when none were issued. */
	@JsonProperty
	public BigDecimal billRate() {
		return percent(settledBills, bills);
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
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

}
