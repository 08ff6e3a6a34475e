package org.chamberlink.shared.figures;

/**
 * One figure a module offers through the figures SPI (see {@link FigureSource} and {@link Figures}).
 *
 * @param key unique across modules, prefixed with the module's word: {@code case.satisfactionRate}
 * @param labelKey its name, a message key
 * @param unit what it counts
 * @param rollUp a sum, or a ratio of two other figures of the same source (named by their keys)
 * @param timing how it depends on the period asked for
 */
public record FigureDefinition(String key, String labelKey, FigureUnit unit, FigureRollUp rollUp,
		FigureTiming timing) {

	/** A figure summed over the subtree. */
	public static FigureDefinition sum(String key, String labelKey, FigureUnit unit, FigureTiming timing) {
		return new FigureDefinition(key, labelKey, unit, FigureRollUp.sum(), timing);
	}

	/** A percentage of two summed figures, truncated to two decimals. */
	public static FigureDefinition rate(String key, String labelKey, String numeratorKey, String denominatorKey,
			FigureTiming timing) {
		return new FigureDefinition(key, labelKey, FigureUnit.RATE, FigureRollUp.ratio(numeratorKey, denominatorKey),
				timing);
	}

	/** An average number of days: summed days ÷ a summed count. */
	public static FigureDefinition averageDays(String key, String labelKey, String daysKey, String countKey,
			FigureTiming timing) {
		return new FigureDefinition(key, labelKey, FigureUnit.DAYS, FigureRollUp.ratio(daysKey, countKey), timing);
	}

}
