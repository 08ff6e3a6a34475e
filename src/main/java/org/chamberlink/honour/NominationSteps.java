package org.chamberlink.honour;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps every nomination takes, whoever the honouree: the level the programme runs, the
 * nominator below the programme's organiser and the federation above it that reviews, the
 * nominator's quota under its row's lock, the row written and audited. {@link #nominate} runs them
 * in order for one honouree of any kind; a refused step writes nothing.
 */
@Component
class NominationSteps {

	private final JdbcClient jdbc;

	private final HonourProgrammes programmes;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	NominationSteps(JdbcClient jdbc, HonourProgrammes programmes, Organizations organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One honouree of the kind nominated for a level of the programme: the nominator and its reviewer,
	 * the honouree picked in the nominator's subtree, reasons and evidence, the programme's rules, the
	 * quota; then written and audited.
	 */
	<H> Long nominate(Long programmeId, HonourLevel requested, Long nominatorOrgId, Long honoureeId, String typedReasons,
			String typedEvidence, Honourees<H> kind) {
		Programme programme = programmes.get(programmeId);
		HonourLevel level = runLevel(programme, requested);
		OrganizationSummary nominator = nominator(nominatorOrgId);
		OrganizationSummary reviewer = reviewer(programme, nominator, level);
		H honouree = kind.pick(honoureeId, nominator);
		String reasons = HonourInput.required(typedReasons, 2000, "reasons");
		String evidence = HonourInput.optional(typedEvidence, 4000, "evidence");
		kind.checkEligible(programme, level, honouree);
		Nominee nominee = kind.nominee(honouree);
		lockQuota(programme, nominator.id(), level, 1, nominee.field());
		Long id = insert(programme, level, nominator, reviewer, nominee, reasons, evidence, null, NominationStatus.SUBMITTED);
		audit.record(AuditEntry.of("HONOUR_NOMINATED").entity("Nomination", id).org(nominator.id())
			.summary(programme.name() + " · " + nominee.name()));
		return id;
	}

	static HonourLevel runLevel(Programme programme, HonourLevel level) {
		if (level == null || !programme.levels().contains(level)) {
			throw new RuleViolationException("level", "honour.nomination.levelNotRun");
		}
		return level;
	}

	/** The nominating organisation as the form names it (in the caller's scope). */
	OrganizationSummary nominator(Long nominatorOrgId) {
		if (nominatorOrgId == null) {
			throw new RuleViolationException("nominatorOrgId", "honour.nomination.nominatorRequired");
		}
		return organizations.get(nominatorOrgId);
	}

	/**
	 * The federation at the level above the nominator that reviews its nomination: on the
	 * nominator's path, nearest first, inside the programme's subtree. Its name is public, so it is
	 * looked up regardless of the caller's scope (a county's staff do not see their city).
	 */
	OrganizationSummary reviewer(Programme programme, OrganizationSummary nominator, HonourLevel level) {
		if (!nominator.path().startsWith(programme.orgPath()) || nominator.path().equals(programme.orgPath())) {
			throw new RuleViolationException("nominatorOrgId", "honour.nomination.nominatorNotBelow");
		}
		List<Long> above = new ArrayList<>(Arrays.stream(nominator.path().split("/"))
			.filter(part -> !part.isEmpty())
			.map(Long::valueOf)
			.filter(ancestor -> !ancestor.equals(nominator.id()))
			.toList());
		Collections.reverse(above);
		for (Long ancestor : above) {
			Optional<OrganizationSummary> org = organizations.findActiveUnscoped(ancestor);
			if (org.isPresent() && org.get().path().startsWith(programme.orgPath())
					&& HonourLevel.ofOrganization(org.get().level()) == level) {
				return org.get();
			}
		}
		throw new RuleViolationException("level", "honour.nomination.noReviewer");
	}

	/**
	 * Locks the nominator's quota row for the level (if the organiser set one) and refuses on the
	 * field when {@code adding} more would pass it; without a quota the level is not limited.
	 */
	void lockQuota(Programme programme, Long nominatorId, HonourLevel level, int adding, String field) {
		Optional<Integer> quota = jdbc.sql("select quota from honour_quota where programme_id = :p and org_id = :org and level = :level"
				+ " for update")
			.param("p", programme.id())
			.param("org", nominatorId)
			.param("level", level.name())
			.query(Integer.class)
			.optional();
		if (quota.isEmpty()) {
			return;
		}
		long used = jdbc.sql("select count(*) from honour_nomination where programme_id = :p and nominator_org_id = :org"
				+ " and level = :level and status not in ('REJECTED', 'APPLIED')")
			.param("p", programme.id())
			.param("org", nominatorId)
			.param("level", level.name())
			.query(Long.class)
			.single();
		if (used + adding > quota.get()) {
			throw new RuleViolationException(field, adding == 1 ? "honour.quota.full" : "honour.quota.bulkOver", quota.get(),
					used, adding);
		}
	}

	/** Writes the nomination (APPLIED marks a member's own application); the nominee named twice at the level is refused. */
	Long insert(Programme programme, HonourLevel level, OrganizationSummary nominator, OrganizationSummary reviewer, Nominee nominee,
			String reasons, String evidence, Long forwardedFrom, NominationStatus status) {
		try {
			return jdbc.sql("""
					insert into honour_nomination (programme_id, level, nominator_org_id, nominator_org_path, reviewer_org_id,
					    reviewer_org_path, membership_id, party_id, nominee_name, nominee_org_name, reasons, evidence, status,
					    self_applied, forwarded_from, created_by, created_at, honoree_org_id, honoree_account_id)
					values (:p, :level, :nominator, :nominatorPath, :reviewer, :reviewerPath, :m, :party, :name, :orgName, :reasons,
					    :evidence, :status, :self, :from, :by, :now, :honoreeOrg, :honoreeAccount)
					returning id
					""")
				.params(route(programme, level, nominator, reviewer))
				.param("m", nominee.membershipId())
				.param("party", nominee.partyId())
				.param("name", nominee.name())
				.param("orgName", nominee.orgName())
				.param("reasons", reasons)
				.param("evidence", evidence)
				.param("from", forwardedFrom)
				.param("status", status.name())
				.param("self", status == NominationStatus.APPLIED)
				.param("honoreeOrg", nominee.honoreeOrgId())
				.param("honoreeAccount", nominee.honoreeAccountId())
				.param("by", HonourActor.accountId())
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException twice) {
			throw new RuleViolationException(nominee.field(), "honour.nomination.twice");
		}
	}

	/** Where a nomination goes, as the statements that write one name it: programme, level, nominator and reviewer with their paths. */
	static Map<String, Object> route(Programme programme, HonourLevel level, OrganizationSummary nominator, OrganizationSummary reviewer) {
		return Map.of("p", programme.id(), "level", level.name(), "nominator", nominator.id(), "nominatorPath", nominator.path(),
				"reviewer", reviewer.id(), "reviewerPath", reviewer.path());
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
