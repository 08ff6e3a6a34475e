package org.chamberlink.activity;

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
 * Activity figures through the figures SPI, from {@link ActivityFigures}: activities held in the
 * period (their start in it), by kind; person-times; registered and of them who came, and the
 * attendance rate (registered who came ÷ registered); governance meetings and of them with quorum;
 * organisations of the subtree and of them those that held no activity, and that share. One row per
 * activity each: the distinct members reached, which read the check-ins, are
 * {@link ActivityReachFigureSource}'s, so none of these waits for them.
 */
@Component
@Order(5)
class ActivityFigureSource implements FigureSource {

	private static final FigureTiming PERIOD = FigureTiming.PERIOD;

	private final ActivityFigures figures;

	ActivityFigureSource(ActivityFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(count("activity.held"), count("activity.governanceMeetings"), count("activity.trainings"),
				count("activity.forums"), count("activity.exhibitions"), count("activity.studyTours"),
				count("activity.cultureSports"), count("activity.charity"), count("activity.other"),
				count("activity.personTimes"), count("activity.registered"), count("activity.registeredAttended"),
				FigureDefinition.rate("activity.attendanceRate", "figure.activity.attendanceRate", "activity.registeredAttended",
						"activity.registered", PERIOD),
				count("activity.governanceWithQuorum"), count("activity.governanceWithMinutes"),
				FigureDefinition.rate("activity.quorumRate", "figure.activity.quorumRate", "activity.governanceWithQuorum",
						"activity.governanceMeetings", PERIOD),
				count("activity.organizations"), count("activity.organizationsWithout"),
				FigureDefinition.rate("activity.idleShare", "figure.activity.idleShare", "activity.organizationsWithout",
						"activity.organizations", PERIOD));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.counts(orgId, period.from(), period.to()), false);
	}

	/** The node's own activities come as the row with the node's id: the own level. */
	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		return figures.below(orgId, period.from(), period.to()).stream().map(row -> row(row, row.orgId().equals(orgId))).toList();
	}

	private static FigureDefinition count(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, PERIOD);
	}

	private static FigureRow row(ActivityTotals t, boolean own) {
		return FigureRow.of(t.orgId(), t.orgName(), own, Map.ofEntries(Map.entry("activity.held", t.held()),
				Map.entry("activity.governanceMeetings", t.governance()), Map.entry("activity.trainings", t.trainings()),
				Map.entry("activity.forums", t.forums()), Map.entry("activity.exhibitions", t.exhibitions()),
				Map.entry("activity.studyTours", t.studyTours()), Map.entry("activity.cultureSports", t.cultureSports()),
				Map.entry("activity.charity", t.charity()), Map.entry("activity.other", t.other()),
				Map.entry("activity.personTimes", t.personTimes()), Map.entry("activity.registered", t.registered()),
				Map.entry("activity.registeredAttended", t.registeredAttended()),
				Map.entry("activity.governanceWithQuorum", t.governanceWithQuorum()),
				Map.entry("activity.governanceWithMinutes", t.governanceWithMinutes()),
				Map.entry("activity.organizations", t.organizations()),
				Map.entry("activity.organizationsWithout", t.organizationsWithout())));
	}

}
