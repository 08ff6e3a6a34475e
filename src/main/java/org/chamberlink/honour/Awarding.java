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

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.honour.EligibilityRecheck.Awardee;
import org.chamberlink.member.Members;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reviewer awards accepted nominations that have been on public notice, with no objection
 * unanswered, the nominee still eligible and (when the programme runs a lower level) holding that
 * level's award: one, or all that may be awarded now. Both issue their awards the same way: a random
 * certificate number each, the nominations marked, {@link HonourAwarded} published for each.
 */
@Component
class Awarding {

	/** An award written: its id and certificate number. */
	record Issued(Long awardId, String number) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final HonourProgrammes programmes;

	private final NominationRows nominations;

	private final EligibilityRecheck recheck;

	private final HonourRules rules;

	private final Organizations organizations;

	private final Members members;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	Awarding(JdbcClient jdbc, DataScopes scopes, HonourProgrammes programmes, NominationRows nominations, EligibilityRecheck recheck,
			HonourRules rules, Organizations organizations, Members members, ApplicationEventPublisher events, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.programmes = programmes;
		this.nominations = nominations;
		this.recheck = recheck;
		this.rules = rules;
		this.organizations = organizations;
		this.members = members;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** One nomination awarded; each condition it fails refuses with its own message. */
	Long award(Long nominationId) {
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
		recheck.recheck(programme, n);
		HonourLevel below = programme.levelBelow(n.level());
		if (below != null && !rules.honoured(programme, below, Nominee.of(n))) {
			throw new RuleViolationException("status", "honour.award.levelBelowMissing");
		}
		// a member's award counts in the member's organisation, an organisation's in the organisation itself, a staff member's in
		// the account's organisation
		boolean partyMember = n.partyId() != null && members.get(n.partyId()).partyMember();
		String awardeePath = organizations.get(recheck.of(n).awardeeOrgId(n)).path();
		Issued issued = issue(programme, List.of(new Awardee(n.id(), awardeePath, partyMember)), Map.of(n.id(), n)).get(0);
		audit.record(AuditEntry.of("HONOUR_AWARDED").entity("HonourAward", issued.awardId()).org(n.reviewerOrgId())
			.summary(programme.name() + " · " + n.nomineeName() + " · " + issued.number()));
		return issued.awardId();
	}

	/**
	 * Every nomination of the programme at the level that the caller reviews and that may be awarded
	 * now; the others are left as they are. Set-based, for a county naming 10,000 at once: the
	 * nominations locked and read in one statement, eligibility asked in a few batches, the level
	 * below in one query, the awards written together, one audit entry for the whole. Returns the
	 * awards made, in rank order, for the merged certificate PDF.
	 */
	List<Long> awardAll(Long programmeId, HonourLevel level) {
		Programme programme = programmes.get(programmeId);
		DataScope scope = scopes.current();
		List<Long> locked = jdbc.sql("select n.id from honour_nomination n where n.programme_id = :p and n.level = :level"
				+ " and n.status = 'ACCEPTED' and n.notice_from is not null and " + scope.on("n.reviewer_org_path")
				+ " and not exists (select 1 from honour_objection o where o.nomination_id = n.id and o.answered_at is null)"
				+ " order by n.id for update of n")
			.param("p", programmeId)
			.param("level", level == null ? "" : level.name())
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
		Map<Long, Nomination> byId = new HashMap<>();
		ready.forEach(n -> byId.put(n.id(), n));
		List<Awardee> eligible = recheck.stillEligible(programme, ready);
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
			eligible = eligible.stream().filter(a -> holding.contains(Nominee.of(byId.get(a.nominationId())).key())).toList();
		}
		if (eligible.isEmpty()) {
			return List.of();
		}
		List<Long> awarded = issue(programme, eligible, byId).stream().map(Issued::awardId).toList();
		audit.record(AuditEntry.of("HONOUR_AWARDED_IN_BULK").entity("HonourProgramme", programme.id()).org(programme.orgId())
			.summary(programme.name() + " · " + level + " · " + awarded.size()));
		return awarded;
	}

	/**
	 * Writes an award for each awardee by one insert (a number that clashes, about 79 bits each:
	 * hardly ever, is drawn again for those rows only), marks their nominations awarded by one update
	 * and publishes {@link HonourAwarded} for each; returns them in the awardees' order.
	 */
	private List<Issued> issue(Programme programme, List<Awardee> awardees, Map<Long, Nomination> byId) {
		Map<Long, OrganizationSummary> awarding = new HashMap<>();
		for (Awardee a : awardees) {
			awarding.computeIfAbsent(byId.get(a.nominationId()).reviewerOrgId(), organizations::get);
		}
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Long by = HonourActor.accountId();
		Map<Long, Long> awardOf = new HashMap<>();
		Map<Long, String> numberOf = new HashMap<>();
		List<Awardee> pending = awardees;
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			if (attempt > 5) {
				throw new IllegalStateException("No free certificate numbers");
			}
			List<Awardee> batch = pending;
			String[] numbers = batch.stream().map(a -> CertificateNumbers.next()).toArray(String[]::new);
			for (int i = 0; i < batch.size(); i++) {
				numberOf.put(batch.get(i).nominationId(), numbers[i]);
			}
			try {
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
					.param("ids", batch.stream().map(Awardee::nominationId).toArray(Long[]::new))
					.param("numbers", numbers)
					.param("awardingPaths", batch.stream().map(a -> awarding.get(byId.get(a.nominationId()).reviewerOrgId()).path())
						.toArray(String[]::new))
					.param("awardingNames", batch.stream().map(a -> awarding.get(byId.get(a.nominationId()).reviewerOrgId()).name())
						.toArray(String[]::new))
					.param("partyMembers", batch.stream().map(Awardee::partyMember).toArray(Boolean[]::new))
					.param("awardeePaths", batch.stream().map(Awardee::awardeeOrgPath).toArray(String[]::new))
					.param("cycle", programme.cycle())
					.param("on", today)
					.param("programme", programme.name())
					.param("by", by)
					.query((rs, row) -> Map.entry(rs.getLong("nomination_id"), rs.getLong("id")))
					.list()
					.forEach(e -> awardOf.put(e.getKey(), e.getValue()));
			}
			catch (DuplicateKeyException awardedMeanwhile) {
				throw new RuleViolationException("status", "honour.award.onlyAccepted");
			}
			pending = batch.stream().filter(a -> !awardOf.containsKey(a.nominationId())).toList();
		}
		jdbc.sql("update honour_nomination set status = 'AWARDED', version = version + 1 where id = any(:ids)")
			.param("ids", awardOf.keySet().toArray(Long[]::new))
			.update();
		List<Issued> issued = new ArrayList<>(awardees.size());
		for (Awardee a : awardees) {
			Nomination n = byId.get(a.nominationId());
			Long award = awardOf.get(n.id());
			issued.add(new Issued(award, numberOf.get(n.id())));
			events.publishEvent(new HonourAwarded(award, programme.id(), n.level(), programme.cycle(), n.membershipId(), n.partyId(),
					n.reviewerOrgId(), a.awardeeOrgPath(), today, n.honoreeOrgId(), n.honoreeAccountId()));
		}
		return issued;
	}

}
