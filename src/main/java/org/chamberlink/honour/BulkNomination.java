package org.chamberlink.honour;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.dues.DuesStanding;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members nominated in bulk (a county names 10,000 五星级文明户 at once): every current member of the
 * nominator's subtree that the filter matches and the programme's rules admit, in a few statements
 * for all (read from the member module's published view, their facts and dues standing asked in one
 * batch each, written by one insert). Refused as a whole, writing nothing, when they exceed what is
 * left of the quota.
 */
@Component
class BulkNomination {

	/** A member the filter matched: the earliest joined membership of the party. */
	record Candidate(Long membershipId, Long partyId, String partyName, Long orgId, LocalDate joinedOn) {
	}

	private final JdbcClient jdbc;

	private final HonourProgrammes programmes;

	private final NominationSteps steps;

	private final HonourRules rules;

	private final Organizations organizations;

	private final MembershipFacts membershipFacts;

	private final DuesStanding dues;

	private final AuditTrail audit;

	private final Clock clock;

	BulkNomination(JdbcClient jdbc, HonourProgrammes programmes, NominationSteps steps, HonourRules rules, Organizations organizations,
			MembershipFacts membershipFacts, DuesStanding dues, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.steps = steps;
		this.rules = rules;
		this.organizations = organizations;
		this.membershipFacts = membershipFacts;
		this.dues = dues;
		this.audit = audit;
		this.clock = clock;
	}

	BulkOutcome nominateAll(BulkNominationForm form) {
		Programme programme = programmes.get(form.programmeId());
		HonourLevel level = NominationSteps.runLevel(programme, form.level());
		OrganizationSummary nominator = steps.nominator(form.nominatorOrgId());
		OrganizationSummary reviewer = steps.reviewer(programme, nominator, level);
		OrganizationSummary within = nominator;
		if (form.withinOrgId() != null) {
			within = organizations.get(form.withinOrgId());
			if (!within.path().startsWith(nominator.path())) {
				throw new RuleViolationException("withinOrgId", "honour.nomination.outsideSubtree");
			}
		}
		String reasons = HonourInput.required(form.reasons(), 2000, "reasons");
		if (form.joinedYearsAgo() != null && (form.joinedYearsAgo() < 0 || form.joinedYearsAgo() > 50)) {
			throw new RuleViolationException("joinedYearsAgo", "honour.programme.minYearsInvalid");
		}
		LocalDate today = steps.today();
		List<Candidate> candidates = candidates(programme, level, within, form, today);
		List<Candidate> chosen = admitted(programme, level, candidates, today);
		steps.lockQuota(programme, nominator.id(), level, chosen.size(), "membershipId");
		if (chosen.isEmpty()) {
			return new BulkOutcome(0, candidates.size());
		}
		Map<Long, String> orgNames = organizations.namesUnscoped(chosen.stream().map(Candidate::orgId).distinct().toList());
		int written = jdbc.sql("""
				insert into honour_nomination (programme_id, level, nominator_org_id, nominator_org_path, reviewer_org_id,
				    reviewer_org_path, membership_id, party_id, nominee_name, nominee_org_name, reasons, status, created_by, created_at)
				select :p, :level, :nominator, :nominatorPath, :reviewer, :reviewerPath, c.m, c.party, c.name, c.org, :reasons,
				    'SUBMITTED', :by, :now
				from unnest(cast(:ms as bigint[]), cast(:parties as bigint[]), cast(:names as varchar[]), cast(:orgs as varchar[]))
				    as c(m, party, name, org)
				""")
			.params(NominationSteps.route(programme, level, nominator, reviewer))
			.param("reasons", reasons)
			.param("by", HonourActor.accountId())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("ms", chosen.stream().map(Candidate::membershipId).toArray(Long[]::new))
			.param("parties", chosen.stream().map(Candidate::partyId).toArray(Long[]::new))
			.param("names", chosen.stream().map(Candidate::partyName).toArray(String[]::new))
			.param("orgs", chosen.stream().map(c -> orgNames.getOrDefault(c.orgId(), "")).toArray(String[]::new))
			.update();
		audit.record(AuditEntry.of("HONOUR_NOMINATED_IN_BULK").entity("HonourProgramme", programme.id()).org(nominator.id())
			.summary(programme.name() + " · " + written));
		return new BulkOutcome(written, candidates.size() - written);
	}

	/**
	 * The current members of the subtree the filter matches, one membership per party (the earliest
	 * joined), long enough members, not yet nominated at the level and (where the programme honours
	 * once) not yet honoured at it.
	 */
	private List<Candidate> candidates(Programme programme, HonourLevel level, OrganizationSummary within, BulkNominationForm form,
			LocalDate today) {
		int years = Math.max(form.joinedYearsAgo() == null ? 0 : form.joinedYearsAgo(),
				programme.ruleMinYears() == null ? 0 : programme.ruleMinYears());
		DataScope subtree = DataScope.subtree(within.path());
		List<String> where = new ArrayList<>(List.of(subtree.on("m.org_path"), "(m.left_on is null or m.left_on > :today)",
				"m.joined_on <= :joinedBy",
				"not exists (select 1 from honour_nomination n where n.programme_id = :p and n.level = :level"
						+ " and n.party_id = m.party_id and n.status <> 'REJECTED')"));
		if (programme.ruleOnce()) {
			where.add("not exists (select 1 from honour_award a join honour_programme hp on hp.id = a.programme_id"
					+ " where hp.id = :p and a.level = :level and a.party_id = m.party_id and a.revoked_at is null)");
		}
		Map<String, Object> params = new HashMap<>(subtree.param());
		params.put("today", today);
		params.put("joinedBy", today.minusYears(years));
		params.put("p", programme.id());
		params.put("level", level.name());
		if (form.role() != null) {
			where.add("m.role = :role");
			params.put("role", form.role().name());
		}
		if (form.tier() != null) {
			where.add("m.tier = :tier");
			params.put("tier", form.tier().name());
		}
		return jdbc.sql("select distinct on (m.party_id) m.membership_id, m.party_id, m.party_name, m.org_id, m.joined_on"
				+ " from published_membership m where " + String.join(" and ", where)
				+ " order by m.party_id, m.joined_on, m.membership_id")
			.params(params)
			.query(Candidate.class)
			.list();
	}

	/** The candidates the programme's other rules admit (kind, party member, dues, registered), asked in one batch each. */
	private List<Candidate> admitted(Programme programme, HonourLevel level, List<Candidate> candidates, LocalDate today) {
		Map<Long, MembershipFacts.PartyFacts> facts = membershipFacts
			.partyFactsUnscoped(candidates.stream().map(Candidate::partyId).toList());
		Set<Long> overdue = programme.ruleDues()
				? dues.overdueAmongUnscoped(candidates.stream().map(Candidate::membershipId).toList(), today) : Set.of();
		Map<Long, OrganizationSummary> orgs = new HashMap<>();
		List<Candidate> chosen = new ArrayList<>();
		for (Candidate candidate : candidates) {
			MembershipFacts.PartyFacts fact = facts.get(candidate.partyId());
			if (fact != null && rules.failedByMember(programme, level, new HonourRules.MemberFacts(HonoreeKind.of(fact), fact.partyMember(),
					() -> !overdue.contains(candidate.membershipId()), candidate.joinedOn(), candidate.partyId(),
					() -> orgs.computeIfAbsent(candidate.orgId(), organizations::get).registered()), today, false) == null) {
				chosen.add(candidate);
			}
		}
		return chosen;
	}

}
