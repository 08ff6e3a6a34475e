package org.chamberlink.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.chamberlink.casework.Visits;
import org.chamberlink.member.MemberFigures;
import org.chamberlink.member.MemberGrowth;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
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

	private final DataScopes scopes;

	EvaluationIndicators(Organizations organizations, Figures figures, Visits visits, MemberFigures members, DataScopes scopes) {
		this.scopes = scopes;
		this.organizations = organizations;
		this.figures = figures;
		this.visits = visits;
		this.members = members;
	}

	/** The indicators asked for, measured for the organisation (in the caller's scope) for the year up to {@code asOf}. */
	@Transactional(readOnly = true)
	public Map<Indicator, IndicatorValue> measure(Long orgId, int year, LocalDate asOf, Set<Indicator> wanted) {
		if (wanted.isEmpty()) {
			return new EnumMap<>(Indicator.class);
		}
		Span span = Span.of(year, asOf);
		OrganizationSummary summary = organizations.get(orgId);
		OrganizationDetails details = organizations.details(orgId);
		// a dozen figures of the same node: each module's source computes its row once
		Function<String, FigureValue> figure = figures.reader(orgId, span.period());
		return build(summary, details, figure, span, wanted, () -> {
			long planned = 0;
			long completed = 0;
			for (int quarter = 1; quarter <= 4; quarter++) {
				Visits.Progress progress = visits.progress(orgId, year, quarter);
				planned += progress.planned();
				completed += progress.completed();
			}
			return new Visits.YearProgress(orgId, planned, completed);
		}, () -> members.growth(orgId, span.from(), span.to()));
	}

	/**
	 * The same for several organisations of the caller's scope at once (a campaign's pre-fill: every
	 * chamber of a county or a city), each value equal to what {@link #measure} gives for that
	 * organisation alone, but each source read once for all of them in a grouped statement: the
	 * organisations' records and details in one statement each, each figure source's drill-down
	 * ({@link Figures#readerBelow}) once per organisation above them, the visits and the member growth
	 * in one statement each. Unknown ids and those outside the scope are left out; the rest come in
	 * path order.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<Indicator, IndicatorValue>> measureAll(Collection<Long> orgIds, int year, LocalDate asOf,
			Set<Indicator> wanted) {
		Map<Long, Map<Indicator, IndicatorValue>> all = new LinkedHashMap<>();
		if (orgIds.isEmpty()) {
			return all;
		}
		List<OrganizationSummary> summaries = organizations.summariesOf(orgIds);
		if (wanted.isEmpty()) {
			summaries.forEach(summary -> all.put(summary.id(), new EnumMap<>(Indicator.class)));
			return all;
		}
		Span span = Span.of(year, asOf);
		List<Long> ids = summaries.stream().map(OrganizationSummary::id).toList();
		Map<Long, OrganizationDetails> details = new HashMap<>();
		if (!Collections.disjoint(wanted, EnumSet.of(Indicator.REGISTERED, Indicator.PARTY_ORGANISATION, Indicator.FIVE_HAS))) {
			organizations.detailsOf(ids).forEach(d -> details.put(d.id(), d));
		}
		Map<Long, Visits.YearProgress> visited = wanted.contains(Indicator.VISITS) ? visits.yearProgressOf(ids, year) : Map.of();
		Map<Long, MemberGrowth> growth = wanted.contains(Indicator.MEMBER_GROWTH) ? members.growthOf(ids, span.from(), span.to())
				: Map.of();
		// the figures of the organisations directly below one node come from that node's drill-down
		DataScope scope = scopes.current();
		Map<Long, BiFunction<Long, String, FigureValue>> drillDowns = new HashMap<>();
		for (OrganizationSummary summary : summaries) {
			Long parent = summary.parentId();
			String parentPath = parentPath(summary.path());
			Function<String, FigureValue> figure;
			if (parent != null && parentPath != null && scope.covers(parentPath)) {
				BiFunction<Long, String, FigureValue> below = drillDowns.computeIfAbsent(parent,
						node -> figures.readerBelow(node, span.period()));
				figure = key -> below.apply(summary.id(), key);
			}
			else {
				// the top of the caller's scope: its parent is not the caller's to read
				figure = figures.reader(summary.id(), span.period());
			}
			Long id = summary.id();
			all.put(id, build(summary, details.get(id), figure, span, wanted,
					() -> visited.getOrDefault(id, new Visits.YearProgress(id, 0, 0)),
					() -> growth.getOrDefault(id, new MemberGrowth(span.from(), span.to(), 0, 0, 0, 0))));
		}
		return all;
	}

	/** {@code /1/7/23/} → {@code /1/7/}; null for a root. */
	private static String parentPath(String path) {
		int cut = path.lastIndexOf('/', path.length() - 2);
		return cut <= 0 ? null : path.substring(0, cut + 1);
	}

	/** The campaign's year up to {@code asOf} (within the year). */
	private record Span(int year, LocalDate from, LocalDate to) {

		static Span of(int year, LocalDate asOf) {
			LocalDate from = LocalDate.of(year, 1, 1);
			LocalDate end = LocalDate.of(year, 12, 31);
			return new Span(year, from, asOf.isBefore(end) ? (asOf.isBefore(from) ? from : asOf) : end);
		}

		FigurePeriod period() {
			return new FigurePeriod(from, to);
		}

	}

	private static Map<Indicator, IndicatorValue> build(OrganizationSummary summary, OrganizationDetails details,
			Function<String, FigureValue> figure, Span span, Set<Indicator> wanted, Supplier<Visits.YearProgress> visited,
			Supplier<MemberGrowth> grown) {
		Map<Indicator, IndicatorValue> values = new EnumMap<>(Indicator.class);
		Long orgId = summary.id();
		int year = span.year();
		LocalDate from = span.from();
		LocalDate to = span.to();
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
					Visits.YearProgress progress = visited.get();
					yield new IndicatorValue(indicator, "evaluation.indicator.visits", List.of(progress.planned(), progress.completed()),
							progress.planned() > 0 && progress.completed() >= progress.planned(), "/visits?year=" + year);
				}
				case SATISFACTION -> {
					// seed 002's 公认度和满意度测评 of the organisation by its members: ratings of 4 or 5 of all its members'
					// ratings (the survey module's figure; a survey with fewer than five of its respondents adds nothing)
					FigureValue satisfaction = figure.apply("survey.satisfactionRate");
					yield new IndicatorValue(indicator, "evaluation.indicator.satisfaction",
							List.of(satisfaction.text(FigureUnit.RATE), satisfaction.parts() == null ? "—" : satisfaction.parts()), null,
							"/surveys");
				}
				case MEMBER_GROWTH -> {
					MemberGrowth growth = grown.get();
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
