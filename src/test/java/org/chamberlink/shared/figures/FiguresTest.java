package org.chamberlink.shared.figures;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's rules without a database: a rate is its own numerator ÷ its own denominator,
 * truncated to two decimals, with both parts named; nothing to divide by gives no value; a ratio
 * must name two summed figures of its own source; no key is offered twice.
 */
class FiguresTest {

	private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 28);

	private static Figures figures(List<FigureSource> sources) {
		return new Figures(sources, java.time.Clock.fixed(TODAY.atStartOfDay(ChinaTime.ZONE).toInstant(), ChinaTime.ZONE));
	}


	private static final FigureTiming NOW = FigureTiming.TODAY;

	@Test
	void aRateIsTruncatedToTwoDecimalsAndNamesItsParts() {
		Figures figures = figures(List.of(source("a", Map.of("a.covered", 1_123L, "a.townships", 1_251L),
				FigureDefinition.sum("a.covered", "x", FigureUnit.COUNT, NOW),
				FigureDefinition.sum("a.townships", "x", FigureUnit.COUNT, NOW),
				FigureDefinition.rate("a.coverage", "x", "a.covered", "a.townships", NOW))));

		FigureValue coverage = figures.value("a.coverage", 1L, FigurePeriod.thisYear(TODAY));

		// seed 003: 1,123 of 1,251 is 89.768…, reported as 89.76
		assertThat(coverage.value()).isEqualByComparingTo("89.76");
		assertThat(coverage.text(FigureUnit.RATE)).isEqualTo("89.76 %");
		assertThat(coverage.numerator().key()).isEqualTo("a.covered");
		assertThat(coverage.denominator().key()).isEqualTo("a.townships");
		assertThat(coverage.parts()).isEqualTo("1,123 / 1,251");
	}

	@Test
	void nothingToDivideByGivesNoValueButKeepsTheParts() {
		Figures figures = figures(List.of(source("a", Map.of("a.rated", 0L, "a.satisfied", 0L),
				FigureDefinition.sum("a.satisfied", "x", FigureUnit.COUNT, NOW),
				FigureDefinition.sum("a.rated", "x", FigureUnit.COUNT, NOW),
				FigureDefinition.rate("a.rate", "x", "a.satisfied", "a.rated", NOW))));

		FigureValue rate = figures.value("a.rate", 1L, FigurePeriod.thisYear(TODAY));

		assertThat(rate.value()).isNull();
		assertThat(rate.text(FigureUnit.RATE)).isEqualTo("—");
		assertThat(rate.denominator().value()).isZero();
	}

	@Test
	void anAverageOfDaysHasOneDecimalMoneyShowsInYuanAndCountsAreGrouped() {
		assertThat(FigureValue.ratio(FigureUnit.DAYS, new BigDecimal("100"), new BigDecimal("3")))
			.isEqualByComparingTo("33.3");
		assertThat(new FigureValue(BigDecimal.valueOf(123_456_789L), null, null).text(FigureUnit.MONEY_FEN))
			.isEqualTo("¥1,234,567.89");
		assertThat(new FigureValue(BigDecimal.valueOf(1_234_567L), null, null).text(FigureUnit.COUNT)).isEqualTo("1,234,567");
	}

	@Test
	void aRatioMustNameSummedFiguresOfItsOwnSourceAndNoKeyIsOfferedTwice() {
		FigureSource one = source("a", Map.of(), FigureDefinition.sum("a.n", "x", FigureUnit.COUNT, NOW));
		FigureSource other = source("b", Map.of(), FigureDefinition.sum("b.d", "x", FigureUnit.COUNT, NOW),
				FigureDefinition.rate("b.rate", "x", "a.n", "b.d", NOW));
		assertThatThrownBy(() -> figures(List.of(one, other))).hasMessageContaining("b.rate needs a.n");
		assertThatThrownBy(() -> figures(List.of(one, one))).hasMessageContaining("a.n is offered twice");
		assertThatThrownBy(() -> figures(List.of(one)).value("a.none", 1L, FigurePeriod.thisYear(TODAY)))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aPeriodIsReadAsItsFigureUsesIt() {
		FigurePeriod spring = FigurePeriod.of(java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 5, 31), TODAY);
		assertThat(spring.usedBy(FigureTiming.PERIOD, TODAY)).isEqualTo(spring);
		assertThat(spring.usedBy(FigureTiming.YEAR, TODAY)).isEqualTo(
				new FigurePeriod(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31)));
		assertThat(spring.usedBy(FigureTiming.TODAY, TODAY).from()).isEqualTo(TODAY);
		assertThat(FigurePeriod.of(null, null, TODAY)).as("without dates: this year up to today")
			.isEqualTo(new FigurePeriod(java.time.LocalDate.of(2026, 1, 1), TODAY));
		assertThat(FigurePeriod.of(java.time.LocalDate.of(2026, 5, 31), java.time.LocalDate.of(2026, 3, 1), TODAY))
			.as("the ends the other way round").isEqualTo(spring);
	}

	private static FigureSource source(String name, Map<String, Long> values, FigureDefinition... definitions) {
		return new FigureSource() {

			@Override
			public List<FigureDefinition> definitions() {
				return List.of(definitions);
			}

			@Override
			public Set<String> readers() {
				return Set.of();
			}

			@Override
			public FigureRow values(Long orgId, FigurePeriod period) {
				return FigureRow.of(orgId, name, false, values);
			}

			@Override
			public List<FigureRow> below(Long orgId, FigurePeriod period) {
				return List.of();
			}
		};
	}

}
