package org.chamberlink.activity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.figures.FigureDefinition;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureRow;
import org.chamberlink.shared.figures.FigureSource;
import org.chamberlink.shared.figures.FigureTiming;
import org.chamberlink.shared.figures.FigureUnit;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Distinct members reached (覆盖会员) through the figures SPI: the members (parties) checked in at
 * the activities of the subtree held in the period, each once. A source of its own because it reads
 * every check-in rather than one row per activity ({@link ActivityFigureSource}). Distinct within
 * each row: the rows below a node need not add up to the node (a member at the county's training and
 * a chamber's forum counts in both rows and once at the county).
 */
@Component
@Order(6)
class ActivityReachFigureSource implements FigureSource {

	static final String KEY = "activity.membersReached";

	private final ActivityFigures figures;

	private final Organizations organizations;

	ActivityReachFigureSource(ActivityFigures figures, Organizations organizations) {
		this.figures = figures;
		this.organizations = organizations;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(FigureDefinition.sum(KEY, "figure." + KEY, FigureUnit.COUNT, FigureTiming.PERIOD));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		return FigureRow.of(node.id(), node.name(), false,
				Map.of(KEY, figures.membersReached(orgId, period.from(), period.to())));
	}

	/** The node's own level first, then each organisation directly below in the organisation module's order. */
	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		Map<Long, Long> reached = figures.membersReachedBelow(orgId, period.from(), period.to());
		List<FigureRow> rows = new java.util.ArrayList<>();
		rows.add(FigureRow.of(node.id(), node.name(), true, Map.of(KEY, reached.getOrDefault(node.id(), 0L))));
		organizations.children(orgId)
			.forEach(child -> rows.add(FigureRow.of(child.id(), child.name(), false, Map.of(KEY, reached.getOrDefault(child.id(), 0L)))));
		return rows;
	}

}
