package org.chamberlink.shared.figures;

import org.chamberlink.shared.Fen;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The value of one figure for one node. A ratio carries its numerator and denominator, each
 * named by its figure's key; its value is null when the denominator is zero (shown as a dash).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureValue(BigDecimal value, Part numerator, Part denominator) {

	/** One side of a ratio: which figure, and its value. */
	public record Part(String key, BigDecimal value, @JsonIgnore FigureUnit unit) {

		String text() {
			return unit == FigureUnit.MONEY_FEN ? "¥" + Fen.format(value.longValue())
					: unit == FigureUnit.COUNT ? count(value) : value.toPlainString();
		}

	}

	static FigureValue of(FigureDefinition figure, FigureRow row, java.util.function.Function<String, FigureUnit> unitOf) {
		if (!figure.rollUp().isRatio()) {
			return new FigureValue(row.value(figure.key()), null, null);
		}
		BigDecimal numerator = row.value(figure.rollUp().numerator());
		BigDecimal denominator = row.value(figure.rollUp().denominator());
		return new FigureValue(ratio(figure.unit(), numerator, denominator),
				new Part(figure.rollUp().numerator(), numerator, unitOf.apply(figure.rollUp().numerator())),
				new Part(figure.rollUp().denominator(), denominator, unitOf.apply(figure.rollUp().denominator())));
	}

	/**
	 * A rate in per cent truncated to two decimals (89.768 shows as 89.76, as the reports do); an
	 * average of days with one decimal; null when there is nothing to divide by.
	 */
	static BigDecimal ratio(FigureUnit unit, BigDecimal numerator, BigDecimal denominator) {
		if (denominator.signum() == 0) {
			return null;
		}
		return unit == FigureUnit.RATE
				? numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.DOWN)
				: numerator.divide(denominator, 1, RoundingMode.HALF_UP);
	}

	/** The value as the pages show it: a dash for nothing, ¥1,234.56 for fen, 1,234 for counts, a per-cent sign for rates. */
	@JsonIgnore
	public String text(FigureUnit unit) {
		if (value == null) {
			return "—";
		}
		return switch (unit) {
			case MONEY_FEN -> "¥" + Fen.format(value.longValue());
			case RATE -> value.toPlainString() + " %";
			case DAYS -> value.setScale(1, RoundingMode.HALF_UP).toPlainString();
			case COUNT -> count(value);
		};
	}

	/** A count grouped by thousands, as every page shows counts: 1,234. */
	static String count(BigDecimal value) {
		return String.format(java.util.Locale.ROOT, "%,d", value.longValue());
	}

	/** Numerator / denominator of a rate, as the pages show beside it; null for anything else. */
	@JsonIgnore
	public String parts() {
		return numerator == null || numerator.unit() == FigureUnit.DAYS ? null
				: numerator.text() + " / " + denominator.text();
	}

	@JsonIgnore
	public boolean positive() {
		return value != null && value.signum() > 0;
	}

}
