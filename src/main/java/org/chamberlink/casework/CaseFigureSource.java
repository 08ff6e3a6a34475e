package org.chamberlink.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/**
 * Casework figures through the figures SPI, from {@link CaseFigures} (the case tally): cases
 * filed in the period, counted where they are handled now; satisfaction rate = satisfied ÷ rated,
 * mediation success rate = agreements ÷ mediations concluded, average days to resolve = days from
 * filing to resolution ÷ cases resolved.
 */
@Component
@Order(4)
class CaseFigureSource implements FigureSource {

	private static final FigureTiming PERIOD = FigureTiming.PERIOD;

	private final CaseFigures figures;

	CaseFigureSource(CaseFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(count("case.cases", "caseFigures.cases"), count("case.needs", "figure.case.needs"),
				count("case.complaints", "figure.case.complaints"), count("case.mediations", "figure.case.mediations"),
				count("case.open", "caseFigures.openShort"), count("case.closed", "figure.case.closed"),
				count("case.resolved", "figure.case.resolved"), count("case.overdue", "case.overdue"),
				count("case.rated", "figure.case.rated"), count("case.satisfied", "figure.case.satisfied"),
				FigureDefinition.rate("case.satisfactionRate", "caseFigures.satisfaction", "case.satisfied",
						"case.rated", PERIOD),
				FigureDefinition.sum("case.recoveredFen", "caseFigures.recovered", FigureUnit.MONEY_FEN, PERIOD),
				FigureDefinition.sum("case.resolutionDays", "figure.case.resolutionDays", FigureUnit.DAYS, PERIOD),
				FigureDefinition.averageDays("case.averageDaysToResolve", "figure.case.averageDaysToResolve",
						"case.resolutionDays", "case.resolved", PERIOD),
				count("case.mediationsConcluded", "figure.case.mediationsConcluded"),
				count("case.agreements", "figure.case.agreements"),
				FigureDefinition.rate("case.mediationSuccessRate", "caseFigures.mediationSuccess", "case.agreements",
						"case.mediationsConcluded", PERIOD),
				count("case.transfers", "caseFigures.transfers"));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.totals(orgId, period.from(), period.to()), false);
	}

	/** The node's own cases come as the row with the node's id: the own level. */
	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		return figures.below(orgId, period.from(), period.to()).stream().map(row -> row(row, row.orgId().equals(orgId))).toList();
	}

	private static FigureDefinition count(String key, String labelKey) {
		return FigureDefinition.sum(key, labelKey, FigureUnit.COUNT, PERIOD);
	}

	private static FigureRow row(CaseTotals t, boolean own) {
		FigureRow row = FigureRow.of(t.orgId(), t.orgName(), own, Map.ofEntries(
				Map.entry("case.cases", t.cases()), Map.entry("case.needs", t.needs()),
				Map.entry("case.complaints", t.complaints()), Map.entry("case.mediations", t.mediations()),
				Map.entry("case.open", t.open()), Map.entry("case.closed", t.closed()),
				Map.entry("case.resolved", t.resolved()), Map.entry("case.overdue", t.overdue()),
				Map.entry("case.rated", t.rated()), Map.entry("case.satisfied", t.satisfied()),
				Map.entry("case.recoveredFen", t.recoveredFen()),
				Map.entry("case.mediationsConcluded", t.mediationsConcluded()),
				Map.entry("case.agreements", t.agreements()), Map.entry("case.transfers", t.transfers())));
		row.values().put("case.resolutionDays", BigDecimal.valueOf(t.resolutionDays()).setScale(4, RoundingMode.HALF_UP));
		return row;
	}

}
