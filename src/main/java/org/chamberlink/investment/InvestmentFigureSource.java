package org.chamberlink.investment;

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

/** Investment figures through the figures SPI, from {@link InvestmentFigures}. */
@Component
@Order(9)
class InvestmentFigureSource implements FigureSource {

	private final InvestmentFigures figures;

	InvestmentFigureSource(InvestmentFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(sum("investment.projects", FigureUnit.COUNT), sum("investment.signed", FigureUnit.COUNT),
				sum("investment.contracted", FigureUnit.MONEY_FEN), sum("investment.invested", FigureUnit.MONEY_FEN));
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

	private static FigureDefinition sum(String key, FigureUnit unit) {
		return FigureDefinition.sum(key, "figure." + key, unit, FigureTiming.PERIOD);
	}

	private static FigureRow row(InvestmentTotals t, boolean own) {
		return FigureRow.of(t.orgId(), t.orgName(), own, Map.of("investment.projects", t.projects(), "investment.signed", t.signed(),
				"investment.contracted", t.contractedFen(), "investment.invested", t.investedFen()));
	}

}
