package org.chamberlink.honour;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards: the reviewer awards an accepted nomination that has been on public notice, with no
 * objection unanswered, and (when the programme runs a lower level) only a nominee holding that
 * level's award ({@link Awarding}); each gets a random certificate number and publishes {@link HonourAwarded}.
 * Revocation with a reason publishes {@link HonourRevoked} and shows on the verification page;
 * plaques are recorded when handed over. Also the honour roll and the public verification.
 */
@Service
public class HonourAwards {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Awarding awarding;

	private final HonourProgrammes programmes;

	private final Organizations organizations;

	private final Members members;

	private final MembershipFacts membershipFacts;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	HonourAwards(JdbcClient jdbc, DataScopes scopes, Awarding awarding, HonourProgrammes programmes, Organizations organizations,
			Members members, MembershipFacts membershipFacts, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.awarding = awarding;
		this.programmes = programmes;
		this.organizations = organizations;
		this.members = members;
		this.membershipFacts = membershipFacts;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Awards an accepted nomination that has been on public notice, with no objection unanswered,
	 * the nominee still eligible and holding the level below where the programme runs one.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long award(Long nominationId) {
		return awarding.award(nominationId);
	}

	/**
	 * Awards every nomination of the programme at the level that the caller reviews and that may be
	 * awarded now; the others are left as they are. Returns the awards made, in rank order, for the
	 * merged certificate PDF.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public List<Long> awardAll(Long programmeId, HonourLevel level) {
		return awarding.awardAll(programmeId, level);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void revoke(Long awardId, String reason) {
		Award award = awarded(awardId);
		if (award.revoked()) {
			throw new RuleViolationException("reason", "honour.award.alreadyRevoked");
		}
		String why = HonourInput.required(reason, 500, "reason");
		jdbc.sql("update honour_award set revoked_at = :now, revoke_reason = :why where id = :id")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("why", why)
			.param("id", awardId)
			.update();
		events.publishEvent(new HonourRevoked(awardId, award.programmeId(), award.level(), award.membershipId(), award.partyId(), why,
				award.honoreeOrgId(), award.honoreeAccountId()));
		audit.record(AuditEntry.of("HONOUR_REVOKED").entity("HonourAward", awardId).org(award.awardingOrgId()).summary(why));
	}

	/** The plaque (挂牌) was handed over on the day. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void plaqueHandedOver(Long awardId, LocalDate on) {
		Award award = awarded(awardId);
		if (on == null) {
			throw new RuleViolationException("plaqueHandedOn", "honour.required");
		}
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		if (on.isAfter(today) || on.isBefore(award.awardedOn())) {
			throw new RuleViolationException("plaqueHandedOn", "honour.award.plaqueDateInvalid");
		}
		jdbc.sql("update honour_award set plaque_handed_on = :on where id = :id").param("on", on).param("id", awardId).update();
		audit.record(AuditEntry.of("HONOUR_PLAQUE_HANDED_OVER").entity("HonourAward", awardId).org(award.awardingOrgId())
			.summary(award.awardeeName() + " " + on));
	}

	/** The award if the caller's scope holds the awarding organisation or the awardee's. */
	@Transactional(readOnly = true)
	public Optional<Award> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(Award.COLUMNS + " where a.id = :id and (" + scope.on("a.awarding_org_path") + " or "
				+ scope.on("a.awardee_org_path") + ")")
			.param("id", id)
			.params(scope.param())
			.query(Award.class)
			.optional();
	}

	public Award get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("HonourAward", id));
	}

	/** The awards in the caller's scope among these ids, in the order given (the merged PDF). */
	@Transactional(readOnly = true)
	public List<Award> all(List<Long> ids) {
		DataScope scope = scopes.current();
		return jdbc.sql(Award.COLUMNS + " where a.id = any(:ids) and " + scope.on("a.awarding_org_path") + " order by a.id")
			.param("ids", ids.toArray(Long[]::new))
			.params(scope.param())
			.query(Award.class)
			.list();
	}

	/** The programme's awards the caller made or whose awardees lie in the caller's scope. */
	@Transactional(readOnly = true)
	public List<Award> ofProgramme(Long programmeId) {
		programmes.get(programmeId);
		DataScope scope = scopes.current();
		return jdbc.sql(Award.COLUMNS + " where a.programme_id = :p and (" + scope.on("a.awarding_org_path") + " or "
				+ scope.on("a.awardee_org_path") + ") order by a.level desc, a.id limit 20000")
			.param("p", programmeId)
			.params(scope.param())
			.query(Award.class)
			.list();
	}

	/** A member's honour roll (newest first): the party within the caller's scope. */
	@Transactional(readOnly = true)
	public List<Award> rollOfParty(Long partyId) {
		members.get(partyId);
		return jdbc.sql(Award.COLUMNS + " where a.party_id = :party order by a.awarded_on desc, a.id desc")
			.param("party", partyId)
			.query(Award.class)
			.list();
	}

	/** The honour roll of an organisation's subtree (its members' honours), newest first. */
	@Transactional(readOnly = true)
	public List<Award> rollOfOrganization(Long orgId) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql(Award.COLUMNS + " where " + subtree.on("a.awardee_org_path") + " order by a.awarded_on desc, a.id desc limit 500")
			.params(subtree.param())
			.query(Award.class)
			.list();
	}

	/** The signed-in member's own honours (of any of their memberships), newest first. */
	@Transactional(readOnly = true)
	public List<Award> own(AccountPrincipal member) {
		List<Long> memberships = membershipFacts.idsOf(member);
		if (memberships.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(Award.COLUMNS + " where a.membership_id = any(:ms) order by a.awarded_on desc, a.id desc")
			.param("ms", memberships.toArray(Long[]::new))
			.query(Award.class)
			.list();
	}

	/** The signed-in staff member's own honours (awards naming their account), newest first. */
	@Transactional(readOnly = true)
	public List<Award> ownAsStaff(AccountPrincipal staff) {
		if (staff == null || staff.orgId() == null) {
			return List.of();
		}
		return jdbc.sql(Award.COLUMNS + " where a.honoree_account_id = :account order by a.awarded_on desc, a.id desc limit 100")
			.param("account", staff.id())
			.query(Award.class)
			.list();
	}

	/** The member's own award, or empty (the portal's certificate download). */
	@Transactional(readOnly = true)
	public Optional<Award> ownAward(AccountPrincipal member, Long awardId) {
		return own(member).stream().filter(a -> a.id().equals(awardId)).findFirst();
	}

	/**
	 * The certificate behind a number, for the public verification page: nothing for a number of
	 * the wrong shape or one never issued.
	 */
	@Transactional(readOnly = true)
	public Optional<Verification> verify(String number) {
		if (!CertificateNumbers.wellFormed(number)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select certificate_number, programme_name, level, cycle, awardee_name, awardee_org_name, awarding_org_name, awarded_on,
				       revoked_at is not null as revoked, revoke_reason
				from honour_award where certificate_number = :number
				""")
			.param("number", number)
			.query(Verification.class)
			.optional();
	}

	/** The award the caller's scope made (the awarding organisation in it), its row locked. */
	private Award awarded(Long awardId) {
		Award award = get(awardId);
		if (!scopes.current().covers(award.awardingOrgPath())) {
			throw new RecordNotFoundException("HonourAward", awardId);
		}
		jdbc.sql("select id from honour_award where id = :id for update").param("id", awardId).query(Long.class).single();
		return get(awardId);
	}

}
