package org.chamberlink.honour;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards: the reviewer awards an accepted nomination that has been on public notice, with no
 * objection unanswered, and (when the programme runs a lower level) only a nominee holding that
 * level's award; each gets a random certificate number and publishes {@link HonourAwarded}.
 * Revocation with a reason publishes {@link HonourRevoked} and shows on the verification page;
 * plaques are recorded when handed over. Also the honour roll and the public verification.
 */
@Service
public class HonourAwards {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final HonourNominations nominations;

	private final HonourProgrammes programmes;

	private final Organizations organizations;

	private final Members members;

	private final MembershipFacts membershipFacts;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	HonourAwards(JdbcClient jdbc, DataScopes scopes, HonourNominations nominations, HonourProgrammes programmes,
			Organizations organizations, Members members, MembershipFacts membershipFacts, ApplicationEventPublisher events,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.nominations = nominations;
		this.programmes = programmes;
		this.organizations = organizations;
		this.members = members;
		this.membershipFacts = membershipFacts;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long award(Long nominationId) {
		Nomination n = nominations.reviewing(nominationId);
		Programme programme = programmes.get(n.programmeId());
		if (n.status() != NominationStatus.ACCEPTED) {
			throw new RuleViolationException("status", "honour.award.onlyAccepted");
		}
		if (!n.onNotice()) {
			throw new RuleViolationException("status", "honour.award.notOnNotice");
		}
		if (n.openObjections() > 0) {
			throw new RuleViolationException("status", "honour.award.objectionOpen", n.openObjections());
		}
		// eligibility asked again: a member who fell out of good standing since the nomination is refused with the rule
		nominations.recheck(programme, n);
		boolean organization = n.honoreeOrgId() != null;
		boolean staff = n.honoreeAccountId() != null;
		HonourLevel below = programme.levelBelow(n.level());
		if (below != null && !jdbc.sql("select exists (select 1 from honour_award where programme_id = :p and level = :level"
				+ (organization ? " and honoree_org_id = :honoree" : staff ? " and honoree_account_id = :honoree" : " and party_id = :honoree")
				+ " and revoked_at is null)")
			.param("p", programme.id())
			.param("level", below.name())
			.param("honoree", organization ? n.honoreeOrgId() : staff ? n.honoreeAccountId() : n.partyId())
			.query(Boolean.class)
			.single()) {
			throw new RuleViolationException("status", "honour.award.levelBelowMissing");
		}
		OrganizationSummary awarding = organizations.get(n.reviewerOrgId());
		// a member's award counts in the member's organisation, an organisation's in the organisation itself, a staff member's in
		// the account's organisation
		boolean partyMember = !organization && !staff && members.get(n.partyId()).partyMember();
		String awardeePath = organizations.get(organization ? n.honoreeOrgId()
				: staff ? nominations.staffOrgId(n.honoreeAccountId()) : members.membership(n.membershipId()).orgId()).path();
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Long id = null;
		String number = null;
		for (int attempt = 0; id == null; attempt++) {
			number = CertificateNumbers.next();
			try {
				id = jdbc.sql("""
						insert into honour_award (nomination_id, programme_id, level, cycle, certificate_number, awarded_on,
						    awarding_org_id, awarding_org_path, awarding_org_name, programme_name, membership_id, party_id, party_member,
						    awardee_name, awardee_org_name, awardee_org_path, awarded_by, honoree_org_id, honoree_account_id)
						values (:n, :p, :level, :cycle, :number, :on, :org, :orgPath, :orgName, :programme, :m, :party, :partyMember,
						    :name, :awardeeOrg, :awardeePath, :by, :honoreeOrg, :honoreeAccount)
						on conflict (certificate_number) do nothing
						returning id
						""")
					.param("n", n.id())
					.param("p", programme.id())
					.param("level", n.level().name())
					.param("cycle", programme.cycle())
					.param("number", number)
					.param("on", today)
					.param("org", awarding.id())
					.param("orgPath", awarding.path())
					.param("orgName", awarding.name())
					.param("programme", programme.name())
					.param("m", n.membershipId())
					.param("party", n.partyId())
					.param("partyMember", partyMember)
					.param("honoreeOrg", n.honoreeOrgId())
					.param("honoreeAccount", n.honoreeAccountId())
					.param("name", n.nomineeName())
					.param("awardeeOrg", n.nomineeOrgName())
					.param("awardeePath", awardeePath)
					.param("by", HonourActor.accountId())
					.query(Long.class)
					.optional()
					.orElse(null);
			}
			catch (DuplicateKeyException awardedMeanwhile) {
				throw new RuleViolationException("status", "honour.award.onlyAccepted");
			}
			if (attempt > 5) {
				throw new IllegalStateException("No free certificate number");
			}
		}
		jdbc.sql("update honour_nomination set status = 'AWARDED', version = version + 1 where id = :id").param("id", n.id()).update();
		events.publishEvent(new HonourAwarded(id, programme.id(), n.level(), programme.cycle(), n.membershipId(), n.partyId(),
				awarding.id(), awardeePath, today, n.honoreeOrgId(), n.honoreeAccountId()));
		audit.record(AuditEntry.of("HONOUR_AWARDED").entity("HonourAward", id).org(awarding.id())
			.summary(programme.name() + " · " + n.nomineeName() + " · " + number));
		return id;
	}

	/**
	 * Awards every nomination of the programme at the level that the caller reviews and that may be
	 * awarded now (accepted, on notice, no objection open, the nominee still eligible, holding the
	 * level below where the programme runs one); the others are left as they are. Set-based, for a
	 * county naming 10,000 at once: the nominations locked and read in one statement, eligibility
	 * asked in a few batches, the level below in one query, the awards written by one insert (a
	 * number that clashes is drawn again for those rows only), the nominations marked by one update,
	 * one audit entry for the whole; {@link HonourAwarded} is published for each award. Returns the
	 * awards made, in rank order, for the merged certificate PDF.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public List<Long> awardAll(Long programmeId, HonourLevel level) {
		Programme programme = programmes.get(programmeId);
		DataScope scope = scopes.current();
		String levelName = level == null ? "" : level.name();
		List<Long> locked = jdbc.sql("select n.id from honour_nomination n where n.programme_id = :p and n.level = :level"
				+ " and n.status = 'ACCEPTED' and n.notice_from is not null and " + scope.on("n.reviewer_org_path")
				+ " and not exists (select 1 from honour_objection o where o.nomination_id = n.id and o.answered_at is null)"
				+ " order by n.id for update of n")
			.param("p", programmeId)
			.param("level", levelName)
			.params(scope.param())
			.query(Long.class)
			.list();
		if (locked.isEmpty()) {
			return List.of();
		}
		List<Nomination> ready = jdbc.sql(Nomination.COLUMNS + " where n.id = any(:ids) order by n.rank nulls last, n.id")
			.param("ids", locked.toArray(Long[]::new))
			.query(Nomination.class)
			.list();
		List<HonourNominations.Awardee> eligible = nominations.stillEligible(programme, ready);
		Map<Long, Nomination> byId = new HashMap<>();
		ready.forEach(n -> byId.put(n.id(), n));
		HonourLevel below = programme.levelBelow(level);
		if (below != null) {
			Set<String> holding = new HashSet<>(jdbc.sql("""
					select coalesce('p' || party_id, 'o' || honoree_org_id, 'a' || honoree_account_id) from honour_award
					where programme_id = :p and level = :below and revoked_at is null
					  and (party_id = any(:parties) or honoree_org_id = any(:orgs) or honoree_account_id = any(:accounts))
					""")
				.param("p", programmeId)
				.param("below", below.name())
				.param("parties", ready.stream().map(Nomination::partyId).filter(Objects::nonNull).toArray(Long[]::new))
				.param("orgs", ready.stream().map(Nomination::honoreeOrgId).filter(Objects::nonNull).toArray(Long[]::new))
				.param("accounts", ready.stream().map(Nomination::honoreeAccountId).filter(Objects::nonNull).toArray(Long[]::new))
				.query(String.class)
				.list());
			eligible = eligible.stream().filter(a -> holding.contains(honoreeKey(byId.get(a.nominationId())))).toList();
		}
		if (eligible.isEmpty()) {
			return List.of();
		}
		Map<Long, OrganizationSummary> awarding = new HashMap<>();
		for (HonourNominations.Awardee a : eligible) {
			awarding.computeIfAbsent(byId.get(a.nominationId()).reviewerOrgId(), organizations::get);
		}
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Long by = HonourActor.accountId();
		Map<Long, Long> awardOf = new HashMap<>();
		Map<Long, String> numberOf = new HashMap<>();
		List<HonourNominations.Awardee> pending = eligible;
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			if (attempt > 5) {
				throw new IllegalStateException("No free certificate numbers");
			}
			List<HonourNominations.Awardee> batch = pending;
			String[] numbers = batch.stream().map(a -> CertificateNumbers.next()).toArray(String[]::new);
			for (int i = 0; i < batch.size(); i++) {
				numberOf.put(batch.get(i).nominationId(), numbers[i]);
			}
			jdbc.sql("""
					insert into honour_award (nomination_id, programme_id, level, cycle, certificate_number, awarded_on,
					    awarding_org_id, awarding_org_path, awarding_org_name, programme_name, membership_id, party_id, party_member,
					    awardee_name, awardee_org_name, awardee_org_path, awarded_by, honoree_org_id, honoree_account_id)
					select n.id, n.programme_id, n.level, :cycle, c.number, :on, n.reviewer_org_id, c.awarding_path, c.awarding_name,
					    :programme, n.membership_id, n.party_id, c.party_member, n.nominee_name, n.nominee_org_name, c.awardee_path, :by,
					    n.honoree_org_id, n.honoree_account_id
					from unnest(cast(:ids as bigint[]), cast(:numbers as varchar[]), cast(:awardingPaths as varchar[]),
					         cast(:awardingNames as varchar[]), cast(:partyMembers as boolean[]), cast(:awardeePaths as varchar[]))
					    as c(nomination_id, number, awarding_path, awarding_name, party_member, awardee_path)
					join honour_nomination n on n.id = c.nomination_id
					on conflict (certificate_number) do nothing
					returning id, nomination_id
					""")
				.param("ids", batch.stream().map(HonourNominations.Awardee::nominationId).toArray(Long[]::new))
				.param("numbers", numbers)
				.param("awardingPaths", batch.stream().map(a -> awarding.get(byId.get(a.nominationId()).reviewerOrgId()).path())
					.toArray(String[]::new))
				.param("awardingNames", batch.stream().map(a -> awarding.get(byId.get(a.nominationId()).reviewerOrgId()).name())
					.toArray(String[]::new))
				.param("partyMembers", batch.stream().map(HonourNominations.Awardee::partyMember).toArray(Boolean[]::new))
				.param("awardeePaths", batch.stream().map(HonourNominations.Awardee::awardeeOrgPath).toArray(String[]::new))
				.param("cycle", programme.cycle())
				.param("on", today)
				.param("programme", programme.name())
				.param("by", by)
				.query((rs, row) -> Map.entry(rs.getLong("nomination_id"), rs.getLong("id")))
				.list()
				.forEach(e -> awardOf.put(e.getKey(), e.getValue()));
			// a number drawn twice (about 79 bits each: hardly ever) left its row out: those are drawn again
			pending = batch.stream().filter(a -> !awardOf.containsKey(a.nominationId())).toList();
		}
		jdbc.sql("update honour_nomination set status = 'AWARDED', version = version + 1 where id = any(:ids)")
			.param("ids", awardOf.keySet().toArray(Long[]::new))
			.update();
		List<Long> awarded = new ArrayList<>(eligible.size());
		for (HonourNominations.Awardee a : eligible) {
			Nomination n = byId.get(a.nominationId());
			Long award = awardOf.get(n.id());
			awarded.add(award);
			events.publishEvent(new HonourAwarded(award, programme.id(), n.level(), programme.cycle(), n.membershipId(), n.partyId(),
					n.reviewerOrgId(), a.awardeeOrgPath(), today, n.honoreeOrgId(), n.honoreeAccountId()));
		}
		audit.record(AuditEntry.of("HONOUR_AWARDED_IN_BULK").entity("HonourProgramme", programme.id()).org(programme.orgId())
			.summary(programme.name() + " · " + level + " · " + awarded.size()));
		return awarded;
	}

	private static String honoreeKey(Nomination n) {
		return n.partyId() != null ? "p" + n.partyId() : n.honoreeOrgId() != null ? "o" + n.honoreeOrgId() : "a" + n.honoreeAccountId();
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void revoke(Long awardId, String reason) {
		Award award = awarding(awardId);
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
		Award award = awarding(awardId);
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

	private Award awarding(Long awardId) {
		Award award = get(awardId);
		if (!scopes.current().covers(award.awardingOrgPath())) {
			throw new RecordNotFoundException("HonourAward", awardId);
		}
		jdbc.sql("select id from honour_award where id = :id for update").param("id", awardId).query(Long.class).single();
		return get(awardId);
	}

}
