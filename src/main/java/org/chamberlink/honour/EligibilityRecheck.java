package org.chamberlink.honour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.dues.DuesStanding;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A nominee's eligibility asked again before it counts (at endorsement and at the award), by the
 * kind of honouree the nomination names; for the bulk award, for many members at once.
 */
@Component
class EligibilityRecheck {

	/** A nominee who may be awarded now: where the award counts (the awardee's organisation) and whether a party member. */
	record Awardee(Long nominationId, String awardeeOrgPath, boolean partyMember) {
	}

	/** A membership's facts as the bulk award asks them again, read from the member module's published view. */
	record MembershipRow(Long membershipId, Long orgId, String orgPath, LocalDate joinedOn, LocalDate leftOn) {
	}

	private final JdbcClient jdbc;

	private final MemberHonourees members;

	private final OrganizationHonourees organizationHonourees;

	private final StaffHonourees staff;

	private final MembershipFacts membershipFacts;

	private final DuesStanding dues;

	private final Organizations organizations;

	private final HonourRules rules;

	private final NominationSteps steps;

	EligibilityRecheck(JdbcClient jdbc, MemberHonourees members, OrganizationHonourees organizationHonourees, StaffHonourees staff,
			MembershipFacts membershipFacts, DuesStanding dues, Organizations organizations, HonourRules rules, NominationSteps steps) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizationHonourees = organizationHonourees;
		this.staff = staff;
		this.membershipFacts = membershipFacts;
		this.dues = dues;
		this.organizations = organizations;
		this.rules = rules;
		this.steps = steps;
	}

	/** The kind of honouree the nomination names. */
	Honourees<?> of(Nomination n) {
		return n.honoreeAccountId() != null ? staff : n.honoreeOrgId() != null ? organizationHonourees : members;
	}

	/**
	 * A member who left, fell behind with dues or stopped meeting another of the programme's rules
	 * since the nomination is refused with the rule it now fails; an organisation must still be
	 * active (and registered if the programme asks); a staff member's account must still be an
	 * enabled staff account.
	 */
	void recheck(Programme programme, Nomination n) {
		of(n).recheck(programme, n);
	}

	/**
	 * The bulk award's eligibility asked again for many nominations at once: the members' facts in a
	 * few statements for all (the published view, their kind and party membership in one batch, their
	 * dues in one), an organisation or staff member one by one as {@link #recheck} does. Those who now
	 * fail a rule are left out (the reviewer sees them still accepted and awards them one by one, which
	 * names the rule).
	 */
	List<Awardee> stillEligible(Programme programme, List<Nomination> ready) {
		LocalDate today = steps.today();
		List<Nomination> ofMembers = ready.stream().filter(n -> n.membershipId() != null).toList();
		Map<Long, MembershipRow> rows = new HashMap<>();
		Map<Long, MembershipFacts.PartyFacts> facts = Map.of();
		Set<Long> overdue = Set.of();
		if (!ofMembers.isEmpty()) {
			Long[] membershipIds = ofMembers.stream().map(Nomination::membershipId).toArray(Long[]::new);
			jdbc.sql("select m.membership_id, m.org_id, m.org_path, m.joined_on, m.left_on from published_membership m"
					+ " where m.membership_id = any(:ids)")
				.param("ids", membershipIds)
				.query(MembershipRow.class)
				.list()
				.forEach(row -> rows.put(row.membershipId(), row));
			facts = membershipFacts.partyFactsUnscoped(ofMembers.stream().map(Nomination::partyId).toList());
			if (programme.ruleDues()) {
				overdue = dues.overdueAmongUnscoped(List.of(membershipIds), today);
			}
		}
		Set<Long> behind = overdue;
		Map<Long, Boolean> registered = new HashMap<>();
		List<Awardee> eligible = new ArrayList<>();
		for (Nomination n : ready) {
			if (n.membershipId() == null) {
				try {
					recheck(programme, n);
					organizations.findActiveUnscoped(of(n).awardeeOrgId(n))
						.ifPresent(org -> eligible.add(new Awardee(n.id(), org.path(), false)));
				}
				catch (RuleViolationException notNow) {
					// left accepted: awarded alone, the rule is named
				}
				continue;
			}
			MembershipRow row = rows.get(n.membershipId());
			MembershipFacts.PartyFacts fact = facts.get(n.partyId());
			if (row == null || fact == null || (row.leftOn() != null && !row.leftOn().isAfter(today))) {
				continue;
			}
			HonourRules.MemberFacts member = new HonourRules.MemberFacts(HonoreeKind.of(fact), fact.partyMember(),
					() -> !behind.contains(n.membershipId()), row.joinedOn(), n.partyId(), () -> registered.computeIfAbsent(row.orgId(),
							org -> organizations.findActiveUnscoped(org).map(OrganizationSummary::registered).orElse(false)));
			if (rules.failedByMember(programme, n.level(), member, today, false) == null) {
				eligible.add(new Awardee(n.id(), row.orgPath(), fact.partyMember()));
			}
		}
		return eligible;
	}

}
