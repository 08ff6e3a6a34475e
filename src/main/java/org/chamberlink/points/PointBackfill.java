package org.chamberlink.points;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.chamberlink.activity.HeldActivities;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.casework.CaseworkHistory;
import org.chamberlink.dues.DuesPayments;
import org.chamberlink.evaluation.Recognitions;
import org.chamberlink.honour.HonourHistory;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationFilter;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.welfare.WelfareHistory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-fill: applies an automatic rule to a past period from the source records, read through the
 * source modules' public APIs (one query each over the organiser's subtree) and awarded in one
 * statement. What an earlier run or the events already awarded is skipped, so running it twice
 * changes nothing. Manual rules have no source records to read.
 */
@Service
public class PointBackfill {

	/** The longest period one run covers. */
	static final int MAX_DAYS = 366 * 2;

	private final PointRules rules;

	private final PointWriter writer;

	private final Organizations organizations;

	private final CaseworkHistory casework;

	private final HeldActivities activities;

	private final DuesPayments dues;

	private final WelfareHistory welfare;

	private final HonourHistory honours;

	private final Recognitions recognitions;

	private final AuditTrail audit;

	PointBackfill(PointRules rules, PointWriter writer, Organizations organizations, CaseworkHistory casework,
			HeldActivities activities, DuesPayments dues, WelfareHistory welfare, HonourHistory honours, Recognitions recognitions, AuditTrail audit) {
		this.recognitions = recognitions;
		this.welfare = welfare;
		this.honours = honours;
		this.rules = rules;
		this.writer = writer;
		this.organizations = organizations;
		this.casework = casework;
		this.activities = activities;
		this.dues = dues;
		this.audit = audit;
	}

	/** Applies the rule to the period from … to (China dates); the number of entries written. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public int run(Long ruleId, LocalDate from, LocalDate to) {
		PointRule rule = rules.get(ruleId);
		if (!rule.action().automatic()) {
			throw new RuleViolationException("ruleId", "points.backfill.manualRule");
		}
		if (!rule.active()) {
			throw new RuleViolationException("ruleId", "points.backfill.inactiveRule");
		}
		if (from == null) {
			throw new RuleViolationException("from", "points.backfill.fromRequired");
		}
		if (to == null) {
			throw new RuleViolationException("to", "points.backfill.toRequired");
		}
		if (to.isBefore(from) || from.getYear() < ChinaTime.FIRST_YEAR || to.getYear() > ChinaTime.LAST_YEAR
				|| from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new RuleViolationException("to", "points.backfill.periodRange");
		}
		Long node = rule.organiserId();
		Scored scored = scored(rule);
		List<PointWriter.Source> sources = switch (rule.action()) {
			case CASE_SATISFIED -> sources(casework.satisfiedCases(node, from, to), scored,
					c -> new PointWriter.Source(c.orgId(), c.orgPath(), null, c.caseId(), c.ratedAt().toString(), c.ratedAt()));
			case VISIT_COMPLETED -> sources(casework.completedVisits(node, from, to), scored,
					v -> new PointWriter.Source(v.orgId(), v.orgPath(), null, v.visitId(), "", PointListeners.startOf(v.visitedOn())));
			case ACTIVITY_HELD -> sources(activities.withAttendance(node, from, to), scored,
					a -> new PointWriter.Source(a.orgId(), a.orgPath(), null, a.activityId(), "", PointListeners.startOf(a.heldOn())));
			case DUES_PAID -> sources(dues.standing(node, from, to), scored,
					p -> new PointWriter.Source(p.orgId(), p.orgPath(), null, p.entryId(), "", PointListeners.startOf(p.paidOn())));
			case DONATION_GIVEN -> sources(welfare.standingReceipts(node, from, to), scored,
					r -> new PointWriter.Source(r.donorOrgId() != null ? r.donorOrgId() : r.campaignOrgId(), null, null, r.receiptId(), "",
							PointListeners.startOf(r.receivedOn())));
			case WELFARE_DELIVERED -> sources(welfare.deliveringProjects(node, from, to).stream()
				.flatMap(p -> PointListeners.credited(p.orgId(), p.chamberIds()).stream()
					.map(credited -> new PointWriter.Source(credited, null, null, p.projectId(), credited.toString(),
							PointListeners.startOf(p.firstPaidOn()))))
				.toList(), scored, s -> s);
			case HONOUR_AWARDED -> sources(honours.standingAwards(node, from, to), scored,
					a -> new PointWriter.Source(PointListeners.lastId(a.awardeeOrgPath()), null, null, a.awardId(), "",
							PointListeners.startOf(a.awardedOn())));
			case RECOGNITION_GRANTED -> sources(recognitions.standing(node, from, to), scored,
					r -> new PointWriter.Source(r.orgId(), r.orgPath(), null, r.recognitionId(), "", PointListeners.startOf(r.grantedOn())));
			case MANUAL -> List.of();
		};
		int written = writer.award(rule, sources, true);
		audit.record(AuditEntry.of("POINT_BACKFILL").entity("PointRule", rule.id()).org(node)
			.summary("audit.summary.pointsBackfilled", from.toString(), to.toString(), written));
		return written;
	}

	/** The organisations a rule scores: their level (the rule's) and paths by id. */
	private record Scored(PointLevel level, Map<Long, String> paths) {
	}

	/** The active organisations of the rule's level within its organiser's subtree, with their paths. */
	private Scored scored(PointRule rule) {
		Map<Long, String> scored = new HashMap<>();
		OrganizationFilter filter = rule.appliesTo() == PointLevel.CHAMBER ? OrganizationFilter.chambers()
				: new OrganizationFilter(OrganizationType.FEDERATION, null, null, null, null, null, null);
		organizations.forEach(filter, org -> {
			if (org.path().startsWith(rule.organiserPath()) && "ACTIVE".equals(org.status()) && level(org) == rule.appliesTo()) {
				scored.put(org.id(), org.path());
			}
		});
		return new Scored(rule.appliesTo(), scored);
	}

	private static PointLevel level(OrganizationSummary org) {
		return org.level() == null && org.type() != OrganizationType.CHAMBER ? null : PointLevel.of(org);
	}

	/** The sources credited to an organisation the rule scores, with its path and level (a source need name only its id). */
	private static <T> List<PointWriter.Source> sources(List<T> records, Scored scored, Function<T, PointWriter.Source> source) {
		return records.stream()
			.map(source)
			.filter(s -> scored.paths().containsKey(s.orgId()))
			.map(s -> new PointWriter.Source(s.orgId(), scored.paths().get(s.orgId()), scored.level(), s.sourceId(), s.occurrence(),
					s.occurredAt()))
			.toList();
	}

}
