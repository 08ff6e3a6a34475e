package org.chamberlink.finance;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.shared.figures.FigureDefinition;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureRow;
import org.chamberlink.shared.figures.FigureSource;
import org.chamberlink.shared.figures.FigureTiming;
import org.chamberlink.shared.figures.FigureUnit;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loans arranged through the figures SPI, from {@link FinanceFigures}. */
@Component
@Order(8)
class FinanceFigureSource implements FigureSource {

	private final FinanceFigures figures;

	FinanceFigureSource(FinanceFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(count("finance.applied"), count("finance.recommended"), count("finance.granted"),
				FigureDefinition.sum("finance.grantedAmount", "figure.finance.grantedAmount", FigureUnit.MONEY_FEN, FigureTiming.PERIOD),
				count("finance.refused"));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.totals(orgId, period.from(), period.to()), false);
	}

	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		return figures.below(orgId, period.from(), period.to()).stream().map(t -> row(t, t.orgId().equals(orgId))).toList();
	}

	private static FigureDefinition count(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, FigureTiming.PERIOD);
	}

	private static FigureRow row(FinanceTotals t, boolean own) {
		return FigureRow.of(t.orgId(), t.orgName(), own, Map.of("finance.applied", t.applied(), "finance.recommended", t.recommended(),
				"finance.granted", t.granted(), "finance.grantedAmount", t.grantedFen(), "finance.refused", t.refused()));
	}

}
