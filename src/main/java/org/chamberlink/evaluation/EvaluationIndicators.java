package org.chamberlink.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.chamberlink.casework.Visits;
import org.chamberlink.member.MemberFigures;
import org.chamberlink.member.MemberGrowth;
import org.chamberlink.organization.OrganizationDetails;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureUnit;
import org.chamberlink.shared.figures.FigureValue;
import org.chamberlink.shared.figures.Figures;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators the system measures itself, for one organisation as of a date (the year of the
 * campaign up to that date): read only through the other modules' public APIs and the figures
 * registry, each with the address of the records behind it. Nothing is stored: a reviewer sees
 * the numbers as they stand when the page is opened.
 */
@Service
public class EvaluationIndicators {

	private final Organizations organizations;

	private final Figures figures;

	private final Visits visits;

	private final MemberFigures members;

	EvaluationIndicators(Organizations organizations, Figures figures, Visits visits, MemberFigures members) {
		this.organizations = organizations;
		this.figures = figures;
		this.visits = visits;
		this.members = members;
	}

	/** The indicators asked for, measured for the organisation (in the caller's scope) for the year up to {@code asOf}. */
	@Transactional(readOnly = true)
	public Map<Indicator, IndicatorValue> measure(Long orgId, int year, LocalDate asOf, Set<Indicator> wanted) {
		Map<Indicator, IndicatorValue> values = new EnumMap<>(Indicator.class);
		if (wanted.isEmpty()) {
			return values;
		}
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate to = asOf.isBefore(end) ? (asOf.isBefore(from) ? from : asOf) : end;
		FigurePeriod period = new FigurePeriod(from, to);
		OrganizationSummary summary = organizations.get(orgId);
		// a dozen figures of the same node: each module's source computes its row once
		Function<String, FigureValue> figure = figures.reader(orgId, period);
		OrganizationDetails details = organizations.details(orgId);
		String orgPage = "/organizations/" + orgId;
		String range = "org=" + orgId + "&from=" + from + "&to=" + to;
		for (Indicator indicator : wanted) {
			values.put(indicator, switch (indicator) {
				case REGISTERED -> new IndicatorValue(indicator,
						details.registered() ? "evaluation.indicator.registered.yes" : "evaluation.indicator.registered.no",
						details.registeredOn() == null ? List.of("") : List.of(details.registeredOn().toString()), details.registered(),
						orgPage);
				case PARTY_ORGANISATION -> new IndicatorValue(indicator,
						"evaluation.indicator.party." + details.partyOrganisation(), List.of(),
						!"NONE".equals(details.partyOrganisation()), orgPage);
				case LEADERSHIP -> leadership(summary, to, orgPage);
				case FIVE_HAS -> fiveHas(details, orgPage);
				case DUES_RATE -> rate(indicator, "evaluation.indicator.dues", figure.apply("dues.billRate"),
						"/figures/dues?org=" + orgId);
				case ACTIVITIES -> new IndicatorValue(indicator, "evaluation.indicator.activities",
						List.of(count(figure, "activity.held"), count(figure, "activity.personTimes")),
						count(figure, "activity.held") > 0, "/figures/activities?" + range);
				case GOVERNANCE_QUORUM -> {
					// 开会有记录: every governance meeting held with its quorum and its minutes
					long meetings = count(figure, "activity.governanceMeetings");
					long quorum = count(figure, "activity.governanceWithQuorum");
					long minutes = count(figure, "activity.governanceWithMinutes");
					yield new IndicatorValue(indicator, "evaluation.indicator.governance", List.of(meetings, quorum, minutes),
							meetings > 0 && quorum == meetings && minutes == meetings, "/figures/activities?" + range);
				}
				case CASES -> {
					FigureValue satisfaction = figure.apply("case.satisfactionRate");
					yield new IndicatorValue(indicator, "evaluation.indicator.cases",
							List.of(count(figure, "case.resolved"), count(figure, "case.overdue"),
									satisfaction.text(FigureUnit.RATE)),
							null, "/figures/cases?" + range);
				}
				case VISITS -> {
					long planned = 0;
					long completed = 0;
					for (int quarter = 1; quarter <= 4; quarter++) {
						Visits.Progress progress = visits.progress(orgId, year, quarter);
						planned += progress.planned();
						completed += progress.completed();
					}
					yield new IndicatorValue(indicator, "evaluation.indicator.visits", List.of(planned, completed),
							planned > 0 && completed >= planned, "/visits?year=" + year);
				}
				case MEMBER_GROWTH -> {
					MemberGrowth growth = members.growth(orgId, from, to);
					yield new IndicatorValue(indicator, "evaluation.indicator.memberGrowth",
							List.of(growth.atStart(), growth.atEnd(), growth.joined(), growth.growthLabel()),
							growth.atEnd() >= growth.atStart(), "/figures/members?org=" + orgId);
				}
			});
		}
		return values;
	}

	private static IndicatorValue leadership(OrganizationSummary summary, LocalDate on, String href) {
		boolean current = summary.presidentTermEndsOn() != null && !summary.presidentTermEndsOn().isBefore(on);
		boolean separate = Boolean.TRUE.equals(summary.presidentNonPublicEconomy());
		if (summary.presidentTermEndsOn() == null) {
			return new IndicatorValue(Indicator.LEADERSHIP, "evaluation.indicator.leadership.none", List.of(), false, href);
		}
		return new IndicatorValue(Indicator.LEADERSHIP,
				"evaluation.indicator.leadership." + (current ? "current" : "expired") + (separate ? "" : "Mixed"),
				List.of(summary.presidentTermEndsOn().toString()),
				current && separate, href);
	}

	private static IndicatorValue fiveHas(OrganizationDetails d, String href) {
		List<Object> marks = new ArrayList<>();
		marks.add(d.hasOffice() ? "✓" : "✗");
		marks.add(d.hasStaff() ? "✓" : "✗");
		marks.add(d.hasFunds() ? "✓" : "✗");
		marks.add(d.hasDuties() ? "✓" : "✗");
		boolean all = d.hasOffice() && d.hasStaff() && d.hasFunds() && d.hasDuties();
		return new IndicatorValue(Indicator.FIVE_HAS, "evaluation.indicator.fiveHas", marks, all, href);
	}

	private static IndicatorValue rate(Indicator indicator, String key, FigureValue value, String href) {
		String parts = value.parts() == null ? "—" : value.parts();
		return new IndicatorValue(indicator, key, List.of(value.text(FigureUnit.RATE), parts),
				value.value() != null && value.value().compareTo(BigDecimal.valueOf(90)) >= 0, href);
	}

	private static long count(Function<String, FigureValue> figure, String key) {
		BigDecimal value = figure.apply(key).value();
		return value == null ? 0 : value.longValue();
	}

}
