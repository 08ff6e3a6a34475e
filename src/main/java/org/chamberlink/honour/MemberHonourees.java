package org.chamberlink.honour;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.dues.DuesStanding;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipView;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members as honourees: a current membership of the nominator's subtree, held against every rule of
 * the programme through the member, dues and organisation APIs; and the members to pick from.
 */
@Component
class MemberHonourees implements Honourees<MemberHonourees.Picked> {

	/** A member as picked: the membership, the party and the membership's organisation. */
	record Picked(MembershipView membership, PartyDetails party, OrganizationSummary org) {
	}

	private final JdbcClient jdbc;

	private final Members members;

	private final Organizations organizations;

	private final DuesStanding dues;

	private final HonourRules rules;

	private final NominationSteps steps;

	MemberHonourees(JdbcClient jdbc, Members members, Organizations organizations, DuesStanding dues, HonourRules rules,
			NominationSteps steps) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.dues = dues;
		this.rules = rules;
		this.steps = steps;
	}

	@Override
	public Picked pick(Long membershipId, OrganizationSummary nominator) {
		if (membershipId == null) {
			throw new RuleViolationException("membershipId", "honour.nomination.memberRequired");
		}
		MembershipView membership = current(membershipId);
		OrganizationSummary memberOrg = organizations.get(membership.orgId());
		if (!memberOrg.path().startsWith(nominator.path())) {
			throw new RuleViolationException("membershipId", "honour.nomination.outsideSubtree");
		}
		return new Picked(membership, members.get(membership.partyId()), memberOrg);
	}

	@Override
	public void checkEligible(Programme programme, HonourLevel level, Picked member) {
		LocalDate today = steps.today();
		rules.checkMember(programme, level, facts(member, today), today, true);
	}

	@Override
	public Nominee nominee(Picked member) {
		return Nominee.member(member.membership().id(), member.party().id(), member.party().name(), member.org().name());
	}

	/** A member who left, fell behind with dues or stopped meeting another rule since the nomination is refused with it. */
	@Override
	public void recheck(Programme programme, Nomination n) {
		MembershipView membership = current(n.membershipId());
		Picked member = new Picked(membership, members.get(n.partyId()), organizations.get(membership.orgId()));
		LocalDate today = steps.today();
		rules.checkMember(programme, n.level(), facts(member, today), today, false);
	}

	@Override
	public Long awardeeOrgId(Nomination n) {
		return members.membership(n.membershipId()).orgId();
	}

	/** Current members of the organisation's subtree (in the caller's scope) to pick from, by name; at most 500. */
	List<MemberChoice> choices(Long orgId) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select m.membership_id, m.party_id, m.party_name, m.org_id from published_membership m where "
				+ subtree.on("m.org_path") + " and (m.left_on is null or m.left_on > :today) order by m.party_name, m.membership_id"
				+ " limit 500")
			.params(subtree.param())
			.param("today", steps.today())
			.query(MemberChoice.class)
			.list();
	}

	/** The membership (in the caller's scope), refused when the member has left. */
	private MembershipView current(Long membershipId) {
		MembershipView membership = members.membership(membershipId);
		if (membership.leftOn() != null && !membership.leftOn().isAfter(steps.today())) {
			throw new RuleViolationException("membershipId", "honour.nomination.memberLeft");
		}
		return membership;
	}

	private HonourRules.MemberFacts facts(Picked member, LocalDate today) {
		return new HonourRules.MemberFacts(HonoreeKind.of(member.party()), member.party().partyMember(),
				() -> dues.of(member.membership().id(), today).goodStanding(), member.membership().joinedOn(), member.party().id(),
				() -> member.org().registered());
	}

}
