package org.chamberlink.member;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Memberships at the start and end of a period, and how many joined and left in it.
 * 会员增长率 = members at the end ÷ members at the start − 1.
 */
public record MemberGrowth(LocalDate from, LocalDate to, long atStart, long atEnd, long joined, long left) {

	/** The growth rate in percent, truncated to two decimals; null when there were none at the start. */
	@JsonProperty("growthPercent")
	public BigDecimal growthPercent() {
		if (atStart == 0) {
			return null;
		}
		return BigDecimal.valueOf(atEnd - atStart)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(atStart), 2, RoundingMode.DOWN);
	}

}
