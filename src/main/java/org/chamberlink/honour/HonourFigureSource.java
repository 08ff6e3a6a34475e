package org.chamberlink.honour;

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
 * Honour figures through the figures SPI, from {@link HonourFigures}: nominations sent and honours
 * awarded in the period (by level), the share awarded, and party-member members honoured of all
 * party-member members.
 */
@Component
@Order(6)
class HonourFigureSource implements FigureSource {

	private static final FigureTiming PERIOD = FigureTiming.PERIOD;

	private final HonourFigures figures;

	HonourFigureSource(HonourFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(count("honour.nominated"), count("honour.awarded"),
				FigureDefinition.rate("honour.awardedShare", "figure.honour.awardedShare", "honour.awarded", "honour.nominated", PERIOD),
				count("honour.county"), count("honour.city"), count("honour.province"), count("honour.national"),
				count("honour.partyMembersHonoured"), count("honour.partyMembers"),
				FigureDefinition.rate("honour.partyMemberShare", "figure.honour.partyMemberShare", "honour.partyMembersHonoured",
						"honour.partyMembers", PERIOD));
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
		return figures.below(orgId, period.from(), period.to()).stream().map(t -> row(t, false)).toList();
	}

	private static FigureDefinition count(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, PERIOD);
	}

	private static FigureRow row(HonourTotals t, boolean own) {
		return FigureRow.of(t.orgId(), t.orgName(), own, Map.of("honour.nominated", t.nominated(), "honour.awarded", t.awarded(),
				"honour.county", t.county(), "honour.city", t.city(), "honour.province", t.province(), "honour.national", t.national(),
				"honour.partyMembersHonoured", t.partyMembersHonoured(), "honour.partyMembers", t.partyMembers()));
	}

}
