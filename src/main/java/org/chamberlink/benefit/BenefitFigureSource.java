package org.chamberlink.benefit;

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

/** Benefit figures through the figures SPI, from {@link BenefitFigures}: cards valid, merchants, uses. */
@Component
@Order(8)
class BenefitFigureSource implements FigureSource {

	private final BenefitFigures figures;

	BenefitFigureSource(BenefitFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(FigureDefinition.sum("benefit.cardsValid", "figure.benefit.cardsValid", FigureUnit.COUNT, FigureTiming.TODAY),
				FigureDefinition.sum("benefit.merchants", "figure.benefit.merchants", FigureUnit.COUNT, FigureTiming.TODAY),
				FigureDefinition.sum("benefit.uses", "figure.benefit.uses", FigureUnit.COUNT, FigureTiming.PERIOD));
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

	private static FigureRow row(BenefitTotals t, boolean own) {
		return FigureRow.of(t.orgId(), t.orgName(), own, Map.of("benefit.cardsValid", t.cardsValid(), "benefit.merchants",
				t.merchants(), "benefit.uses", t.uses()));
	}

}
