package org.chamberlink.member;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chamberlink.shared.Rate;

/**
 * Memberships at the start and end of a period, and how many joined and left in it.
 * 会员增长率 = members at the end ÷ members at the start − 1.
 */
public record MemberGrowth(LocalDate from, LocalDate to, long atStart, long atEnd, long joined, long left) {

	/** The growth rate in percent, truncated to two decimals; null when there were none at the start. */
	@JsonProperty("growthPercent")
	public BigDecimal growthPercent() {
		return growth().percent();
	}

	/** The growth rate as every page shows a rate ("12.50 %", "-3.20 %", "—"). */
	public String growthLabel() {
		return growth().label();
	}

	/** (members at the end − at the start) ÷ at the start, as a {@link Rate}. */
	private Rate growth() {
		return new Rate(atEnd - atStart, atStart);
	}

}
