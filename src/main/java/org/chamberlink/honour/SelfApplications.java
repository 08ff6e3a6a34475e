package org.chamberlink.honour;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.dues.DuesStanding;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member applies in the portal where the programme allows it: the programme's rules are checked as
 * for a nomination, and the application is written as a nomination by the member's own organisation
 * in the state APPLIED, holding the member's place but not the organisation's quota until the
 * organisation endorses it (or declines it with a reason).
 */
@Component
class SelfApplications {

	private final JdbcClient jdbc;

	private final HonourProgrammes programmes;

	private final Organizations organizations;

	private final MembershipFacts membershipFacts;

	private final DuesStanding dues;

	private final HonourRules rules;

	private final NominationSteps steps;

	private final NominationRows rows;

	private final EligibilityRecheck recheck;

	private final AuditTrail audit;

	SelfApplications(JdbcClient jdbc, HonourProgrammes programmes, Organizations organizations, MembershipFacts membershipFacts,
			DuesStanding dues, HonourRules rules, NominationSteps steps, NominationRows rows, EligibilityRecheck recheck, AuditTrail audit) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.organizations = organizations;
		this.membershipFacts = membershipFacts;
		this.dues = dues;
		this.rules = rules;
		this.steps = steps;
		this.rows = rows;
		this.recheck = recheck;
		this.audit = audit;
	}

	/** The signed-in member's current memberships (of every organisation). */
	List<OwnMembership> ownMemberships(AccountPrincipal member) {
		List<Long> ids = membershipFacts.idsOf(member);
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select m.membership_id, m.party_id, m.party_name, m.org_id, m.org_path, m.joined_on, m.left_on"
				+ " from published_membership m where m.membership_id = any(:ids) and (m.left_on is null or m.left_on > :today)"
				+ " order by m.membership_id")
			.param("ids", ids.toArray(Long[]::new))
			.param("today", steps.today())
			.query(OwnMembership.class)
			.list();
	}

	/**
	 * The programmes the signed-in member may apply for: those that allow self-application, run by an
	 * organisation strictly above one of the member's current memberships; newest cycle first.
	 */
	List<Programme> openTo(AccountPrincipal member) {
		List<OwnMembership> own = ownMemberships(member);
		if (own.isEmpty()) {
			return List.of();
		}
		return programmes.named(jdbc.sql(Programme.COLUMNS + " where p.self_apply and exists (select 1 from unnest(:paths) as m(path)"
				+ " where starts_with(m.path, p.org_path) and m.path <> p.org_path) order by p.cycle desc, p.id desc limit 100")
			.param("paths", own.stream().map(OwnMembership::orgPath).toArray(String[]::new))
			.query(Programme.MAPPER)
			.list());
	}

	/** A programme the member may not apply for answers as nonexistent. */
	Long apply(AccountPrincipal member, SelfApplicationForm form) {
		Programme programme = openTo(member).stream()
			.filter(p -> p.id().equals(form.programmeId()))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("Programme", form.programmeId()));
		HonourLevel level = NominationSteps.runLevel(programme, form.level());
		List<OwnMembership> own = ownMemberships(member);
		OwnMembership membership = form.membershipId() == null && own.size() == 1 ? own.get(0)
				: own.stream().filter(m -> m.membershipId().equals(form.membershipId())).findFirst()
					.orElseThrow(() -> new RuleViolationException("membershipId", "honour.nomination.memberRequired"));
		if (!membership.orgPath().startsWith(programme.orgPath()) || membership.orgPath().equals(programme.orgPath())) {
			throw new RuleViolationException("membershipId", "honour.apply.notBelow");
		}
		OrganizationSummary nominator = organizations.findActiveUnscoped(membership.orgId())
			.orElseThrow(() -> new RuleViolationException("membershipId", "honour.apply.notBelow"));
		OrganizationSummary reviewer = steps.reviewer(programme, nominator, level);
		String reasons = HonourInput.required(form.reasons(), 2000, "reasons");
		String evidence = HonourInput.optional(form.evidence(), 4000, "evidence");
		MembershipFacts.PartyFacts facts = membershipFacts.partyFactsUnscoped(List.of(membership.partyId())).get(membership.partyId());
		LocalDate today = steps.today();
		rules.checkMember(programme, level, new HonourRules.MemberFacts(HonoreeKind.of(facts), facts.partyMember(),
				() -> dues.overdueAmongUnscoped(List.of(membership.membershipId()), today).isEmpty(), membership.joinedOn(),
				membership.partyId(), nominator::registered), today, true);
		Long id = steps.insert(programme, level, nominator, reviewer,
				Nominee.member(membership.membershipId(), membership.partyId(), membership.partyName(), nominator.name()), reasons,
				evidence, null, NominationStatus.APPLIED);
		audit.record(AuditEntry.of("HONOUR_SELF_APPLIED").entity("Nomination", id).org(nominator.id())
			.summary(programme.name() + " · " + membership.partyName()));
		return id;
	}

	/** The signed-in member's own applications (self-applied nominations), newest first. */
	List<OwnApplication> ownApplications(AccountPrincipal member) {
		List<Long> ids = membershipFacts.idsOf(member);
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select n.id, p.name as programme_name, n.level, n.status, n.status_reason from honour_nomination n"
				+ " join honour_programme p on p.id = n.programme_id where n.self_applied and n.membership_id = any(:ids)"
				+ " order by n.id desc limit 100")
			.param("ids", ids.toArray(Long[]::new))
			.query(OwnApplication.class)
			.list();
	}

	/** The application becomes the organisation's nomination, within its quota, and goes to the reviewer. */
	void endorse(Long id) {
		Nomination n = applied(id);
		Programme programme = programmes.get(n.programmeId());
		// the member may have fallen out of good standing (or left) since applying: the rules are asked again
		recheck.recheck(programme, n);
		steps.lockQuota(programme, n.nominatorOrgId(), n.level(), 1, "membershipId");
		rows.status(id, NominationStatus.SUBMITTED, null, null);
		audit.record(AuditEntry.of("HONOUR_APPLICATION_ENDORSED").entity("Nomination", id).org(n.nominatorOrgId()).summary(n.nomineeName()));
	}

	/** Declined with a reason: the member's place is freed. */
	void decline(Long id, String reason) {
		Nomination n = applied(id);
		String why = HonourInput.required(reason, 500, "reason");
		rows.status(id, NominationStatus.REJECTED, why, null);
		audit.record(AuditEntry.of("HONOUR_APPLICATION_DECLINED").entity("Nomination", id).org(n.nominatorOrgId()).summary(why));
	}

	/** The application the caller's organisation (or one above it) may decide on, its row locked; refused unless still applied. */
	private Nomination applied(Long id) {
		Nomination n = rows.nominating(id);
		if (n.status() != NominationStatus.APPLIED) {
			throw new RuleViolationException("status", "honour.apply.notApplied");
		}
		return n;
	}

}
