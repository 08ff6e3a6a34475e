package org.chamberlink.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reported rate with its numerator and denominator. The percentage has two decimals,
 * truncated as the source reports do: 1,123 of 1,251 is 89.768… and shows as 89.76.
 */
public record Rate(long numerator, long denominator) {

	public static Rate of(long numerator, long denominator) {
		return new Rate(numerator, denominator);
	}

	/** As every page shows a rate: "70.38 %", or "—" when there is nothing to divide by. */
	public String label() {
		BigDecimal percent = percent();
		return percent == null ? "—" : percent.toPlainString() + " %";
	}

	/** The percentage truncated to two decimals, or null when there is nothing to divide by. */
	@JsonProperty("percent")
	public BigDecimal percent() {
		if (denominator == 0) {
			return null;
		}
		return BigDecimal.valueOf(numerator)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(denominator), 2, RoundingMode.DOWN);
	}

}
