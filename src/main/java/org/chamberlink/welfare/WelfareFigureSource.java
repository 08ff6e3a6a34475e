package org.chamberlink.welfare;

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

/** Welfare figures through the figures SPI, from {@link WelfareFigures}; the participation rate is named by what it divides. */
@Component
@Order(7)
class WelfareFigureSource implements FigureSource {

	private static final FigureTiming PERIOD = FigureTiming.PERIOD;

	private final WelfareFigures figures;

	WelfareFigureSource(WelfareFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(count("welfare.enterprises"), count("welfare.chambers"), count("welfare.villages"), count("welfare.advisers"),
				count("welfare.projects"), money("welfare.committed"), money("welfare.delivered"), money("welfare.goods"),
				count("welfare.peopleEmployed"), count("welfare.beneficiaries"), count("welfare.involved"), count("welfare.all"),
				FigureDefinition.rate("welfare.participation", "figure.welfare.participation", "welfare.involved", "welfare.all",
						PERIOD));
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

	@Override
	public DrillDown drillDown(Long orgId, FigurePeriod period) {
		WelfareFigures.DrillDown counted = figures.drillDown(orgId, period.from(), period.to());
		return new DrillDown(row(counted.whole(), false),
				counted.below().stream().map(t -> row(t, t.orgId().equals(orgId))).toList());
	}

	private static FigureDefinition count(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, PERIOD);
	}

	private static FigureDefinition money(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.MONEY_FEN, PERIOD);
	}

	private static FigureRow row(WelfareTotals t, boolean own) {
		return FigureRow.of(t.orgId(), t.orgName(), own, Map.ofEntries(Map.entry("welfare.enterprises", t.enterprises()),
				Map.entry("welfare.chambers", t.chambers()), Map.entry("welfare.villages", t.villages()),
				Map.entry("welfare.advisers", t.advisers()), Map.entry("welfare.projects", t.projects()),
				Map.entry("welfare.committed", t.committedFen()), Map.entry("welfare.delivered", t.deliveredFen()),
				Map.entry("welfare.goods", t.goodsFen()), Map.entry("welfare.peopleEmployed", t.peopleEmployed()),
				Map.entry("welfare.beneficiaries", t.beneficiaries()), Map.entry("welfare.involved", t.involved()),
				Map.entry("welfare.all", t.all())));
	}

}
