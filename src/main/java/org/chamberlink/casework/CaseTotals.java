package org.chamberlink.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chamberlink.shared.Rate;
import org.chamberlink.shared.Fen;

/**
 * Casework figures of one node: counts, and the rates computed from them, truncated to two
 * decimals as the reports do. Satisfaction rate = satisfied (4 or 5) ÷ rated; mediation success
 * rate = agreements ÷ mediations concluded; average days to resolve = the calendar days from
 * filing to resolution of the resolved cases ({@code resolutionDays}) ÷ resolved.
 */
public record CaseTotals(Long orgId, String orgName, long cases, long needs, long complaints, long mediations,
		long open, long closed, long resolved, long overdue, double resolutionDays, long rated, long satisfied,
		long recoveredFen, long mediationsConcluded, long agreements, long transfers) {

	/** An organisation without any case in the period. */
	static CaseTotals none(Long orgId, String orgName) {
		return new CaseTotals(orgId, orgName, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	}

	/** The same counts under the organisation's name (asked of the organisation module). */
	CaseTotals withOrgName(String name) {
		return new CaseTotals(orgId, name, cases, needs, complaints, mediations, open, closed, resolved, overdue,
				resolutionDays, rated, satisfied, recoveredFen, mediationsConcluded, agreements, transfers);
	}

	@JsonProperty
	public double averageDaysToResolve() {
		return resolved == 0 ? 0 : resolutionDays / resolved;
	}

	@JsonProperty
	public String satisfactionRate() {
		return percent(satisfied, rated);
	}

	@JsonProperty
	public String mediationSuccessRate() {
		return percent(agreements, mediationsConcluded);
	}

	@JsonProperty
	public String recovered() {
		return Fen.format(recoveredFen);
	}

	@JsonProperty
	public String averageDays() {
		return BigDecimal.valueOf(averageDaysToResolve()).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	/** Truncated to two decimals as the reports show rates ({@link Rate}); null (a dash) when there is nothing to divide by. */
	static String percent(long numerator, long denominator) {
		BigDecimal percent = new Rate(numerator, denominator).percent();
		return percent == null ? null : percent.toPlainString() + " %";
	}

}
