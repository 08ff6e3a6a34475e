package org.chamberlink.honour;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.dues.DuesStanding;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountManagement.AccountSummary;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.member.MembershipView;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations up the tree: an organisation nominates members of its own subtree for a level of a
 * programme it lies under; the system checks the programme's eligibility rules itself (through the
 * member, dues and organisation APIs) and the nominator's quota under the quota row's lock; the
 * federation at that level reviews (accept with a rank, reject with a reason, ask for more), puts
 * the accepted on public notice, forwards them upward or recommends them to an outside body. Each
 * step is audited; a refused step writes nothing.
 */
@Service
public class HonourNominations {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final HonourProgrammes programmes;

	private final Organizations organizations;

	private final Members members;

	private final MembershipFacts membershipFacts;

	private final DuesStanding dues;

	private final AuditTrail audit;

	private final Clock clock;

	private final AccountManagement accounts;

	HonourNominations(JdbcClient jdbc, DataScopes scopes, HonourProgrammes programmes, Organizations organizations, Members members,
			MembershipFacts membershipFacts, DuesStanding dues, AuditTrail audit, Clock clock, AccountManagement accounts) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.programmes = programmes;
		this.organizations = organizations;
		this.members = members;
		this.membershipFacts = membershipFacts;
		this.dues = dues;
		this.audit = audit;
		this.clock = clock;
	}

	/** The nomination if the caller nominated or reviews it (either organisation in the caller's scope). */
	@Transactional(readOnly = true)
	public Optional<Nomination> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(Nomination.COLUMNS + " where n.id = :id and (" + scope.on("n.nominator_org_path") + " or "
				+ scope.on("n.reviewer_org_path") + ")")
			.param("id", id)
			.params(scope.param())
			.query(Nomination.class)
			.optional();
	}

	public Nomination get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Nomination", id));
	}

	/** The programme's nominations the caller nominated or reviews, by level, rank and name. */
	@Transactional(readOnly = true)
	public List<Nomination> of(Long programmeId) {
		programmes.get(programmeId);
		DataScope scope = scopes.current();
		return jdbc.sql(Nomination.COLUMNS + " where n.programme_id = :p and (" + scope.on("n.nominator_org_path") + " or "
				+ scope.on("n.reviewer_org_path") + ") order by n.level desc, n.rank nulls last, n.id limit 2000")
			.param("p", programmeId)
			.params(scope.param())
			.query(Nomination.class)
			.list();
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long nominate(NominationForm form) {
		Programme programme = programmes.get(form.programmeId());
		HonourLevel level = runLevel(programme, form.level());
		if (form.nominatorOrgId() == null) {
			throw new RuleViolationException("nominatorOrgId", "honour.nomination.nominatorRequired");
		}
		OrganizationSummary nominator = organizations.get(form.nominatorOrgId());
		OrganizationSummary reviewer = reviewer(programme, nominator, level);
		if (form.membershipId() == null) {
			throw new RuleViolationException("membershipId", "honour.nomination.memberRequired");
		}
		MembershipView membership = members.membership(form.membershipId());
		LocalDate today = today();
		if (membership.leftOn() != null && !membership.leftOn().isAfter(today)) {
			throw new RuleViolationException("membershipId", "honour.nomination.memberLeft");
		}
		OrganizationSummary memberOrg = organizations.get(membership.orgId());
		if (!memberOrg.path().startsWith(nominator.path())) {
			throw new RuleViolationException("membershipId", "honour.nomination.outsideSubtree");
		}
		String reasons = HonourInput.required(form.reasons(), 2000, "reasons");
		String evidence = HonourInput.optional(form.evidence(), 4000, "evidence");
		PartyDetails party = members.get(membership.partyId());
		checkEligible(programme, level, membership, party, memberOrg, today);
		lockQuota(programme, nominator.id(), level, 1);
		Long id = insert(programme, level, nominator, reviewer, membership.id(), party.id(), party.name(), memberOrg.name(), reasons,
				evidence, null);
		audit.record(AuditEntry.of("HONOUR_NOMINATED").entity("Nomination", id).org(nominator.id())
			.summary(programme.name() + " · " + party.name()));
		return id;
	}

	/**
	 * Nominates an organisation of the tree (a chamber or federation of the nominator's own subtree,
	 * the nominator itself included) for a programme that honours organisations: its kind, "honoured
	 * once" and "registered" are checked (the members' rules — party member, dues, years — do not
	 * apply to an organisation, and a programme that sets them is refused), then the quota as for a
	 * member. An organisation outside the caller's scope answers as nonexistent.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long nominateOrganization(OrganizationNominationForm form) {
		Programme programme = programmes.get(form.programmeId());
		HonourLevel level = runLevel(programme, form.level());
		if (form.nominatorOrgId() == null) {
			throw new RuleViolationException("nominatorOrgId", "honour.nomination.nominatorRequired");
		}
		OrganizationSummary nominator = organizations.get(form.nominatorOrgId());
		OrganizationSummary reviewer = reviewer(programme, nominator, level);
		if (form.honoreeOrgId() == null) {
			throw new RuleViolationException("honoreeOrgId", "honour.nomination.organizationRequired");
		}
		OrganizationSummary honoree = organizations.get(form.honoreeOrgId());
		if (!honoree.path().startsWith(nominator.path())) {
			throw new RuleViolationException("honoreeOrgId", "honour.nomination.outsideSubtree");
		}
		if (!"ACTIVE".equals(honoree.status())) {
			throw new RuleViolationException("honoreeOrgId", "honour.nomination.organizationInactive");
		}
		String reasons = HonourInput.required(form.reasons(), 2000, "reasons");
		String evidence = HonourInput.optional(form.evidence(), 4000, "evidence");
		if (!programme.honoreeKinds().contains(HonoreeKind.TREE_ORGANIZATION)) {
			throw new RuleViolationException("honoreeOrgId", "honour.rule.kind");
		}
		if (programme.rulePartyMember() || programme.ruleDues() || programme.ruleMinYears() != null) {
			throw new RuleViolationException("honoreeOrgId", "honour.rule.membersOnly");
		}
		if (programme.ruleOnce() && jdbc.sql("select exists (select 1 from honour_award where programme_id = :p and level = :level"
				+ " and honoree_org_id = :org and revoked_at is null)")
			.param("p", programme.id())
			.param("level", level.name())
			.param("org", honoree.id())
			.query(Boolean.class)
			.single()) {
			throw new RuleViolationException("honoreeOrgId", "honour.rule.once");
		}
		if (programme.ruleRegistered() && !honoree.registered()) {
			throw new RuleViolationException("honoreeOrgId", "honour.rule.registered");
		}
		lockQuota(programme, nominator.id(), level, 1, "honoreeOrgId");
		// the notice's "enterprise or organisation" column names the organisation above the honoured one (its name is public)
		String above = honoree.parentId() == null ? honoree.name()
				: organizations.namesUnscoped(List.of(honoree.parentId())).getOrDefault(honoree.parentId(), honoree.name());
		Long id = insert(programme, level, nominator, reviewer, null, null, honoree.name(), above, reasons, evidence, null,
				NominationStatus.SUBMITTED, honoree.id());
		audit.record(AuditEntry.of("HONOUR_NOMINATED").entity("Nomination", id).org(nominator.id())
			.summary(programme.name() + " · " + honoree.name()));
		return id;
	}

	/**
	 * Nominates every current member of the nominator's subtree that the filter matches and the
	 * programme's rules admit, in a few statements for all (read from the member module's published
	 * view, their facts and dues standing asked in one batch each, written by one insert). Refused as
	 * a whole, writing nothing, when they exceed what is left of the quota.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public BulkOutcome nominateAll(BulkNominationForm form) {
		Programme programme = programmes.get(form.programmeId());
		HonourLevel level = runLevel(programme, form.level());
		if (form.nominatorOrgId() == null) {
			throw new RuleViolationException("nominatorOrgId", "honour.nomination.nominatorRequired");
		}
		OrganizationSummary nominator = organizations.get(form.nominatorOrgId());
		OrganizationSummary reviewer = reviewer(programme, nominator, level);
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
		LocalDate today = today();
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
		// one membership per party: the earliest joined
		List<Candidate> candidates = jdbc.sql("select distinct on (m.party_id) m.membership_id, m.party_id, m.party_name, m.org_id"
				+ " from published_membership m where " + String.join(" and ", where)
				+ " order by m.party_id, m.joined_on, m.membership_id")
			.params(params)
			.query(Candidate.class)
			.list();
		Map<Long, MembershipFacts.PartyFacts> facts = membershipFacts
			.partyFactsUnscoped(candidates.stream().map(Candidate::partyId).toList());
		Set<Long> overdue = programme.ruleDues()
				? dues.overdueAmongUnscoped(candidates.stream().map(Candidate::membershipId).toList(), today) : Set.of();
		Map<Long, OrganizationSummary> orgs = new HashMap<>();
		List<Candidate> chosen = new ArrayList<>();
		for (Candidate candidate : candidates) {
			MembershipFacts.PartyFacts fact = facts.get(candidate.partyId());
			if (fact == null || !programme.honoreeKinds().contains(kindOf(fact)) || (programme.rulePartyMember() && !fact.partyMember())
					|| overdue.contains(candidate.membershipId())) {
				continue;
			}
			if (programme.ruleRegistered()
					&& !orgs.computeIfAbsent(candidate.orgId(), organizations::get).registered()) {
				continue;
			}
			chosen.add(candidate);
		}
		lockQuota(programme, nominator.id(), level, chosen.size());
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
			.param("p", programme.id())
			.param("level", level.name())
			.param("nominator", nominator.id())
			.param("nominatorPath", nominator.path())
			.param("reviewer", reviewer.id())
			.param("reviewerPath", reviewer.path())
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

	record Candidate(Long membershipId, Long partyId, String partyName, Long orgId) {
	}

	/**
	 * Nominates a staff member (an account with a staff role — 秘书长, 工商联干部 — bound to an
	 * organisation of the nominator's subtree) for a programme that honours staff: read through the
	 * identity module's public API; its organisation must lie in the caller's scope (else the account
	 * answers as nonexistent, as a member's would) and in the nominator's subtree, the account be
	 * enabled. The members' rules (party member, dues, years) do not apply to a staff member, and a
	 * programme that sets them refuses it with that reason; "honoured once" and "registered" (the
	 * account's organisation) do. Then the quota as for a member.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long nominateStaff(StaffNominationForm form) {
		Programme programme = programmes.get(form.programmeId());
		HonourLevel level = runLevel(programme, form.level());
		if (form.nominatorOrgId() == null) {
			throw new RuleViolationException("nominatorOrgId", "honour.nomination.nominatorRequired");
		}
		OrganizationSummary nominator = organizations.get(form.nominatorOrgId());
		OrganizationSummary reviewer = reviewer(programme, nominator, level);
		if (form.accountId() == null) {
			throw new RuleViolationException("accountId", "honour.nomination.staffRequired");
		}
		AccountSummary account = accounts.staffAccount(form.accountId())
			.orElseThrow(() -> new RecordNotFoundException("Account", form.accountId()));
		OrganizationSummary staffOrg = organizations.find(account.orgId())
			.orElseThrow(() -> new RecordNotFoundException("Account", form.accountId()));
		if (!staffOrg.path().startsWith(nominator.path())) {
			throw new RuleViolationException("accountId", "honour.nomination.outsideSubtree");
		}
		if (!account.enabled()) {
			throw new RuleViolationException("accountId", "honour.nomination.staffDisabled");
		}
		String reasons = HonourInput.required(form.reasons(), 2000, "reasons");
		String evidence = HonourInput.optional(form.evidence(), 4000, "evidence");
		checkStaffEligible(programme, level, account.id(), staffOrg);
		lockQuota(programme, nominator.id(), level, 1, "accountId");
		Long id = insert(programme, level, nominator, reviewer, null, null, account.displayName(), staffOrg.name(), reasons, evidence, null,
				NominationStatus.SUBMITTED, null, account.id());
		audit.record(AuditEntry.of("HONOUR_NOMINATED").entity("Nomination", id).org(nominator.id())
			.summary(programme.name() + " · " + account.displayName()));
		return id;
	}

	private void checkStaffEligible(Programme programme, HonourLevel level, Long accountId, OrganizationSummary staffOrg) {
		if (!programme.honoreeKinds().contains(HonoreeKind.STAFF)) {
			throw new RuleViolationException("accountId", "honour.rule.kind");
		}
		if (programme.rulePartyMember() || programme.ruleDues() || programme.ruleMinYears() != null) {
			throw new RuleViolationException("accountId", "honour.rule.membersOnlyStaff");
		}
		if (programme.ruleOnce() && jdbc.sql("select exists (select 1 from honour_award where programme_id = :p and level = :level"
				+ " and honoree_account_id = :account and revoked_at is null)")
			.param("p", programme.id())
			.param("level", level.name())
			.param("account", accountId)
			.query(Boolean.class)
			.single()) {
			throw new RuleViolationException("accountId", "honour.rule.once");
		}
		if (programme.ruleRegistered() && !staffOrg.registered()) {
			throw new RuleViolationException("accountId", "honour.rule.registered");
		}
	}

	/** A nominee who may be awarded now: where the award counts (the awardee's organisation) and whether a party member. */
	record Awardee(Long nominationId, String awardeeOrgPath, boolean partyMember) {
	}

	/** A membership's facts as the bulk award asks them again, read from the member module's published view. */
	record MembershipRow(Long membershipId, Long orgId, String orgPath, LocalDate joinedOn, LocalDate leftOn) {
	}

	/**
	 * The bulk award's eligibility asked again for many nominations at once: the members' facts in a
	 * few statements for all (the published view, their kind and party membership in one batch, their
	 * dues in one), an organisation or staff member one by one as {@link #recheck} does. Those who now
	 * fail a rule are left out (the reviewer sees them still accepted and awards them one by one, which
	 * names the rule).
	 */
	List<Awardee> stillEligible(Programme programme, List<Nomination> ready) {
		LocalDate today = today();
		List<Nomination> ofMembers = ready.stream().filter(n -> n.membershipId() != null).toList();
		Map<Long, MembershipRow> rows = new HashMap<>();
		Map<Long, MembershipFacts.PartyFacts> facts = Map.of();
		Set<Long> overdue = Set.of();
		Set<Long> alreadyHonoured = Set.of();
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
		Map<Long, Boolean> registered = new HashMap<>();
		List<Awardee> eligible = new ArrayList<>();
		for (Nomination n : ready) {
			if (n.membershipId() == null) {
				try {
					recheck(programme, n);
					Long orgId = n.honoreeOrgId() != null ? n.honoreeOrgId() : staffOrgId(n.honoreeAccountId());
					organizations.findActiveUnscoped(orgId).ifPresent(org -> eligible.add(new Awardee(n.id(), org.path(), false)));
				}
				catch (RuleViolationException notNow) {
					// left accepted: awarded alone, the rule is named
				}
				continue;
			}
			MembershipRow row = rows.get(n.membershipId());
			MembershipFacts.PartyFacts fact = facts.get(n.partyId());
			if (row == null || fact == null || (row.leftOn() != null && !row.leftOn().isAfter(today))
					|| !programme.honoreeKinds().contains(kindOf(fact)) || (programme.rulePartyMember() && !fact.partyMember())
					|| overdue.contains(n.membershipId())
					|| (programme.ruleMinYears() != null
							&& (row.joinedOn() == null || row.joinedOn().isAfter(today.minusYears(programme.ruleMinYears()))))) {
				continue;
			}
			if (programme.ruleRegistered() && !registered.computeIfAbsent(row.orgId(),
					org -> organizations.findActiveUnscoped(org).map(OrganizationSummary::registered).orElse(false))) {
				continue;
			}
			eligible.add(new Awardee(n.id(), row.orgPath(), fact.partyMember()));
		}
		return eligible;
	}

	/** The organisation a staff account is bound to (for the award's count), if it is still a staff account. */
	Long staffOrgId(Long accountId) {
		return accounts.staffAccount(accountId)
			.map(AccountSummary::orgId)
			.orElseThrow(() -> new RuleViolationException("accountId", "honour.nomination.staffGone"));
	}

	/** A staff member who may be picked for a nomination: the account, its name and organisation. */
	public record StaffChoice(Long accountId, String displayName, String orgName) {
	}

	/**
	 * The enabled staff accounts of the organisation (in the caller's scope) and of those directly
	 * below it, to pick a staff honouree from (a county names the secretaries-general of its chambers).
	 */
	@Transactional(readOnly = true)
	public List<StaffChoice> staffChoices(Long orgId) {
		Map<Long, String> names = new java.util.LinkedHashMap<>();
		OrganizationSummary own = organizations.get(orgId);
		names.put(own.id(), own.name());
		organizations.children(orgId).forEach(child -> names.put(child.id(), child.name()));
		return accounts.staffOf(names.keySet())
			.stream()
			.map(a -> new StaffChoice(a.id(), a.displayName(), names.get(a.orgId())))
			.toList();
	}

	/**
	 * The nominee's eligibility asked again (at endorsement and at the award): a member who left, fell
	 * behind with dues or stopped meeting another of the programme's rules since the nomination is
	 * refused with the rule it now fails; an organisation must still be active (and registered if
	 * the programme asks); a staff member's account must still be an enabled staff account.
	 */
	void recheck(Programme programme, Nomination n) {
		LocalDate today = today();
		if (n.honoreeAccountId() != null) {
			AccountSummary account = accounts.staffAccount(n.honoreeAccountId())
				.filter(AccountSummary::enabled)
				.orElseThrow(() -> new RuleViolationException("accountId", "honour.nomination.staffGone"));
			OrganizationSummary staffOrg = organizations.findActiveUnscoped(account.orgId())
				.orElseThrow(() -> new RuleViolationException("accountId", "honour.nomination.staffGone"));
			if (programme.ruleRegistered() && !staffOrg.registered()) {
				throw new RuleViolationException("accountId", "honour.rule.registered");
			}
			return;
		}
		if (n.honoreeOrgId() != null) {
			OrganizationSummary honoree = organizations.findActiveUnscoped(n.honoreeOrgId())
				.orElseThrow(() -> new RuleViolationException("honoreeOrgId", "honour.nomination.organizationInactive"));
			if (programme.ruleRegistered() && !honoree.registered()) {
				throw new RuleViolationException("honoreeOrgId", "honour.rule.registered");
			}
			return;
		}
		MembershipView membership = members.membership(n.membershipId());
		if (membership.leftOn() != null && !membership.leftOn().isAfter(today)) {
			throw new RuleViolationException("membershipId", "honour.nomination.memberLeft");
		}
		PartyDetails party = members.get(n.partyId());
		OrganizationSummary memberOrg = organizations.get(membership.orgId());
		// "honoured once" is not asked again: this nomination's own place is what the rule protects
		checkEligible(programme, n.level(), HonoreeKind.of(party), party.partyMember(), () -> dues.of(membership.id(), today).goodStanding(),
				membership.joinedOn(), party.id(), memberOrg.registered(), today, false);
	}

	/** The reviewer accepts the nomination, with its rank among those the nominator sent (1 first). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void accept(Long id, Integer rank) {
		Nomination n = reviewing(id);
		if (n.status() != NominationStatus.SUBMITTED && n.status() != NominationStatus.MORE_ASKED) {
			throw new RuleViolationException("status", "honour.nomination.notOpen");
		}
		if (rank != null && (rank < 1 || rank > 1_000_000)) {
			throw new RuleViolationException("rank", "honour.nomination.rankInvalid");
		}
		status(id, NominationStatus.ACCEPTED, null, rank);
		audit.record(AuditEntry.of("HONOUR_NOMINATION_ACCEPTED").entity("Nomination", id).org(n.reviewerOrgId()).summary(n.nomineeName()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void reject(Long id, String reason) {
		Nomination n = reviewing(id);
		if (n.status() != NominationStatus.SUBMITTED && n.status() != NominationStatus.MORE_ASKED
				&& n.status() != NominationStatus.ACCEPTED) {
			throw new RuleViolationException("status", "honour.nomination.notOpen");
		}
		String why = HonourInput.required(reason, 500, "reason");
		status(id, NominationStatus.REJECTED, why, null);
		audit.record(AuditEntry.of("HONOUR_NOMINATION_REJECTED").entity("Nomination", id).org(n.reviewerOrgId()).summary(why));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void askForMore(Long id, String what) {
		Nomination n = reviewing(id);
		if (n.status() != NominationStatus.SUBMITTED) {
			throw new RuleViolationException("status", "honour.nomination.notOpen");
		}
		String why = HonourInput.required(what, 500, "reason");
		status(id, NominationStatus.MORE_ASKED, why, null);
		audit.record(AuditEntry.of("HONOUR_NOMINATION_MORE_ASKED").entity("Nomination", id).org(n.reviewerOrgId()).summary(why));
	}

	/** The nominator sends what was asked for: the nomination is submitted again. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void resubmit(Long id, String evidence) {
		Nomination n = get(id);
		if (!scopes.current().covers(n.nominatorOrgPath())) {
			throw new RecordNotFoundException("Nomination", id);
		}
		if (n.status() != NominationStatus.MORE_ASKED) {
			throw new RuleViolationException("status", "honour.nomination.notAsked");
		}
		String more = HonourInput.required(evidence, 4000, "evidence");
		jdbc.sql("update honour_nomination set evidence = coalesce(evidence || E'\\n', '') || :more, status = 'SUBMITTED',"
				+ " status_reason = null, version = version + 1 where id = :id")
			.param("more", more)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("HONOUR_NOMINATION_RESUBMITTED").entity("Nomination", id).org(n.nominatorOrgId()).summary(more));
	}

	/**
	 * Puts the programme's accepted nominations the caller reviews at a level on public notice (公示)
	 * from today for the programme's notice days. Returns how many.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public int publishNotice(Long programmeId, HonourLevel level) {
		Programme programme = programmes.get(programmeId);
		DataScope scope = scopes.current();
		LocalDate today = today();
		int count = jdbc.sql("update honour_nomination n set notice_from = :from, notice_until = :until, version = version + 1"
				+ " where n.programme_id = :p and n.level = :level and n.status = 'ACCEPTED' and n.notice_from is null and "
				+ scope.on("n.reviewer_org_path"))
			.param("from", today)
			.param("until", today.plusDays(programme.noticeDays()))
			.param("p", programmeId)
			.param("level", level == null ? "" : level.name())
			.params(scope.param())
			.update();
		if (count > 0) {
			audit.record(AuditEntry.of("HONOUR_NOTICE_PUBLISHED").entity("HonourProgramme", programmeId)
				.org(programme.orgId()).summary(programme.name() + " · " + count));
		}
		return count;
	}

	/**
	 * The reviewer forwards the nominee upward for the programme's next level: a new nomination by
	 * the reviewer, reviewed by the federation of that level, within the reviewer's quota for it.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long forward(Long id) {
		Nomination n = reviewing(id);
		Programme programme = programmes.get(n.programmeId());
		HonourLevel next = programme.levelAbove(n.level());
		if (next == null) {
			throw new RuleViolationException("level", "honour.nomination.noLevelAbove");
		}
		if (n.status() != NominationStatus.ACCEPTED && n.status() != NominationStatus.AWARDED) {
			throw new RuleViolationException("status", "honour.nomination.forwardOnlyAccepted");
		}
		OrganizationSummary nominator = organizations.get(n.reviewerOrgId());
		OrganizationSummary reviewer = reviewer(programme, nominator, next);
		lockQuota(programme, nominator.id(), next, 1);
		Long upward = insert(programme, next, nominator, reviewer, n.membershipId(), n.partyId(), n.nomineeName(), n.nomineeOrgName(),
				n.reasons(), n.evidence(), id, NominationStatus.SUBMITTED, n.honoreeOrgId(), n.honoreeAccountId());
		if (n.status() == NominationStatus.ACCEPTED) {
			status(id, NominationStatus.FORWARDED, null, n.rank());
		}
		audit.record(AuditEntry.of("HONOUR_NOMINATION_FORWARDED").entity("Nomination", upward).org(nominator.id())
			.summary(n.nomineeName() + " → " + next));
		return upward;
	}

	/** The reviewer recommends the accepted nominee to a body outside the tree (劳动模范 to the trade union …). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void recommend(Long id, String outsideBody) {
		Nomination n = reviewing(id);
		if (n.status() != NominationStatus.ACCEPTED) {
			throw new RuleViolationException("status", "honour.nomination.recommendOnlyAccepted");
		}
		String body = HonourInput.required(outsideBody, 200, "outsideBody");
		jdbc.sql("insert into honour_recommendation (nomination_id, outside_body, recommended_on) values (:n, :body, :on)")
			.param("n", id)
			.param("body", body)
			.param("on", today())
			.update();
		status(id, NominationStatus.RECOMMENDED, null, n.rank());
		audit.record(AuditEntry.of("HONOUR_RECOMMENDED").entity("Nomination", id).org(n.reviewerOrgId()).summary(body));
	}

	/** The outside body's decision on a recommendation, when it comes. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void recordDecision(Long id, String decision, String note) {
		Nomination n = reviewing(id);
		if (!"ACCEPTED".equals(decision) && !"DECLINED".equals(decision)) {
			throw new RuleViolationException("decision", "honour.recommendation.decisionRequired");
		}
		int updated = jdbc.sql("update honour_recommendation set decision = :d, decided_on = :on, decision_note = :note"
				+ " where nomination_id = :n and decision = 'PENDING'")
			.param("d", decision)
			.param("on", today())
			.param("note", HonourInput.optional(note, 500, "decisionNote"))
			.param("n", id)
			.update();
		if (updated == 0) {
			throw new RuleViolationException("decision", "honour.recommendation.notPending");
		}
		audit.record(AuditEntry.of("HONOUR_RECOMMENDATION_DECIDED").entity("Nomination", id).org(n.reviewerOrgId()).summary(decision));
	}

	/** A recommendation of the nomination, if any: the outside body, when, and its decision. */
	@Transactional(readOnly = true)
	public Optional<Recommendation> recommendation(Long id) {
		get(id);
		return jdbc.sql("select outside_body, recommended_on, decision, decided_on, decision_note from honour_recommendation"
				+ " where nomination_id = :n")
			.param("n", id)
			.query(Recommendation.class)
			.optional();
	}

	/** A recommendation to an outside body and its decision. */
	public record Recommendation(String outsideBody, LocalDate recommendedOn, String decision, LocalDate decidedOn,
			String decisionNote) {
	}

	/** The nomination the caller reviews (the reviewer in the caller's scope), its row locked. */
	Nomination reviewing(Long id) {
		Nomination n = get(id);
		if (!scopes.current().covers(n.reviewerOrgPath())) {
			throw new RecordNotFoundException("Nomination", id);
		}
		jdbc.sql("select id from honour_nomination where id = :id for update").param("id", id).query(Long.class).single();
		return get(id);
	}

	private void checkEligible(Programme programme, HonourLevel level, MembershipView membership, PartyDetails party,
			OrganizationSummary memberOrg, LocalDate today) {
		checkEligible(programme, level, HonoreeKind.of(party), party.partyMember(), () -> dues.of(membership.id(), today).goodStanding(),
				membership.joinedOn(), party.id(), memberOrg.registered(), today);
	}

	/** The programme's eligibility rules on a nominee's facts; the first failing rule refuses with its own message. */
	private void checkEligible(Programme programme, HonourLevel level, HonoreeKind kind, boolean partyMember,
			java.util.function.BooleanSupplier duesInGoodStanding, LocalDate joinedOn, Long partyId, boolean registered,
			LocalDate today) {
		checkEligible(programme, level, kind, partyMember, duesInGoodStanding, joinedOn, partyId, registered, today, true);
	}

	private void checkEligible(Programme programme, HonourLevel level, HonoreeKind kind, boolean partyMember,
			java.util.function.BooleanSupplier duesInGoodStanding, LocalDate joinedOn, Long partyId, boolean registered,
			LocalDate today, boolean once) {
		if (!programme.honoreeKinds().contains(kind)) {
			throw new RuleViolationException("membershipId", "honour.rule.kind");
		}
		if (programme.rulePartyMember() && !partyMember) {
			throw new RuleViolationException("membershipId", "honour.rule.partyMember");
		}
		if (programme.ruleDues() && !duesInGoodStanding.getAsBoolean()) {
			throw new RuleViolationException("membershipId", "honour.rule.dues");
		}
		if (programme.ruleMinYears() != null
				&& (joinedOn == null || joinedOn.isAfter(today.minusYears(programme.ruleMinYears())))) {
			throw new RuleViolationException("membershipId", "honour.rule.minYears", programme.ruleMinYears());
		}
		if (once && programme.ruleOnce() && jdbc.sql("select exists (select 1 from honour_award where programme_id = :p and level = :level"
				+ " and party_id = :party and revoked_at is null)")
			.param("p", programme.id())
			.param("level", level.name())
			.param("party", partyId)
			.query(Boolean.class)
			.single()) {
			throw new RuleViolationException("membershipId", "honour.rule.once");
		}
		if (programme.ruleRegistered() && !registered) {
			throw new RuleViolationException("membershipId", "honour.rule.registered");
		}
	}

	/**
	 * Locks the nominator's quota row for the level (if the organiser set one) and refuses when
	 * {@code adding} more would pass it; without a quota the level is not limited.
	 */
	private void lockQuota(Programme programme, Long nominatorId, HonourLevel level, int adding) {
		lockQuota(programme, nominatorId, level, adding, "membershipId");
	}

	private void lockQuota(Programme programme, Long nominatorId, HonourLevel level, int adding, String field) {
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

	private Long insert(Programme programme, HonourLevel level, OrganizationSummary nominator, OrganizationSummary reviewer,
			Long membershipId, Long partyId, String name, String orgName, String reasons, String evidence, Long forwardedFrom) {
		return insert(programme, level, nominator, reviewer, membershipId, partyId, name, orgName, reasons, evidence, forwardedFrom,
				NominationStatus.SUBMITTED, null);
	}

	private Long insert(Programme programme, HonourLevel level, OrganizationSummary nominator, OrganizationSummary reviewer,
			Long membershipId, Long partyId, String name, String orgName, String reasons, String evidence, Long forwardedFrom,
			NominationStatus status, Long honoreeOrgId) {
		return insert(programme, level, nominator, reviewer, membershipId, partyId, name, orgName, reasons, evidence, forwardedFrom, status,
				honoreeOrgId, null);
	}

	private Long insert(Programme programme, HonourLevel level, OrganizationSummary nominator, OrganizationSummary reviewer,
			Long membershipId, Long partyId, String name, String orgName, String reasons, String evidence, Long forwardedFrom,
			NominationStatus status, Long honoreeOrgId, Long honoreeAccountId) {
		try {
			return jdbc.sql("""
					insert into honour_nomination (programme_id, level, nominator_org_id, nominator_org_path, reviewer_org_id,
					    reviewer_org_path, membership_id, party_id, nominee_name, nominee_org_name, reasons, evidence, status,
					    self_applied, forwarded_from, created_by, created_at, honoree_org_id, honoree_account_id)
					values (:p, :level, :nominator, :nominatorPath, :reviewer, :reviewerPath, :m, :party, :name, :orgName, :reasons,
					    :evidence, :status, :self, :from, :by, :now, :honoreeOrg, :honoreeAccount)
					returning id
					""")
				.param("p", programme.id())
				.param("level", level.name())
				.param("nominator", nominator.id())
				.param("nominatorPath", nominator.path())
				.param("reviewer", reviewer.id())
				.param("reviewerPath", reviewer.path())
				.param("m", membershipId)
				.param("party", partyId)
				.param("name", name)
				.param("orgName", orgName)
				.param("reasons", reasons)
				.param("evidence", evidence)
				.param("from", forwardedFrom)
				.param("status", status.name())
				.param("self", status == NominationStatus.APPLIED)
				.param("honoreeOrg", honoreeOrgId)
				.param("honoreeAccount", honoreeAccountId)
				.param("by", HonourActor.accountId())
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException twice) {
			throw new RuleViolationException(honoreeOrgId != null ? "honoreeOrgId" : honoreeAccountId != null ? "accountId" : "membershipId",
					"honour.nomination.twice");
		}
	}

	private void status(Long id, NominationStatus status, String reason, Integer rank) {
		jdbc.sql("update honour_nomination set status = :s, status_reason = :reason, rank = :rank, version = version + 1"
				+ " where id = :id")
			.param("s", status.name())
			.param("reason", reason)
			.param("rank", rank)
			.param("id", id)
			.update();
	}

	private static HonourLevel runLevel(Programme programme, HonourLevel level) {
		if (level == null || !programme.levels().contains(level)) {
			throw new RuleViolationException("level", "honour.nomination.levelNotRun");
		}
		return level;
	}

	/**
	 * The federation at the level above the nominator that reviews its nomination: on the
	 * nominator's path, nearest first, inside the programme's subtree. Its name is public, so it is
	 * looked up regardless of the caller's scope (a county's staff do not see their city).
	 */
	private OrganizationSummary reviewer(Programme programme, OrganizationSummary nominator, HonourLevel level) {
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

	private static HonoreeKind kindOf(MembershipFacts.PartyFacts fact) {
		if (fact.kind() == org.chamberlink.member.PartyKind.PERSON) {
			return HonoreeKind.PERSON;
		}
		if (fact.kind() == org.chamberlink.member.PartyKind.GROUP) {
			return HonoreeKind.ORGANIZATION;
		}
		return fact.enterpriseKind() == org.chamberlink.member.EnterpriseKind.INDIVIDUAL_BUSINESS ? HonoreeKind.INDIVIDUAL_BUSINESS
				: HonoreeKind.ENTERPRISE;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}


	/** A member who may be picked for a nomination: the membership, name and organisation. */
	public record Choice(Long membershipId, Long partyId, String partyName, Long orgId) {
	}

	/** Current members of the organisation's subtree (in the caller's scope) to pick from, by name; at most 500. */
	@Transactional(readOnly = true)
	public List<Choice> choices(Long orgId) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select m.membership_id, m.party_id, m.party_name, m.org_id from published_membership m where "
				+ subtree.on("m.org_path") + " and (m.left_on is null or m.left_on > :today) order by m.party_name, m.membership_id"
				+ " limit 500")
			.params(subtree.param())
			.param("today", today())
			.query(Choice.class)
			.list();
	}


	// ---- self-application (a member applies in the portal where the programme allows it) ----

	/** One of the signed-in member's current memberships: where the member may apply from. */
	public record OwnMembership(Long membershipId, Long partyId, String partyName, Long orgId, String orgPath, LocalDate joinedOn,
			LocalDate leftOn) {
	}

	/** The signed-in member's current memberships (of every organisation). */
	@Transactional(readOnly = true)
	public List<OwnMembership> ownMemberships(org.chamberlink.identity.AccountPrincipal member) {
		List<Long> ids = membershipFacts.idsOf(member);
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select m.membership_id, m.party_id, m.party_name, m.org_id, m.org_path, m.joined_on, m.left_on"
				+ " from published_membership m where m.membership_id = any(:ids) and (m.left_on is null or m.left_on > :today)"
				+ " order by m.membership_id")
			.param("ids", ids.toArray(Long[]::new))
			.param("today", today())
			.query(OwnMembership.class)
			.list();
	}

	/**
	 * The programmes the signed-in member may apply for: those that allow self-application, run by an
	 * organisation strictly above one of the member's current memberships; newest cycle first.
	 */
	@Transactional(readOnly = true)
	public List<Programme> openTo(org.chamberlink.identity.AccountPrincipal member) {
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

	/**
	 * A member applies for a programme that allows it: the programme's rules are checked as for a
	 * nomination, and the application is written as a nomination by the member's own organisation
	 * in the state APPLIED — it holds the member's place but not the organisation's quota until the
	 * organisation endorses it. A programme the member may not apply for answers as nonexistent.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.MEMBER)
	public Long apply(org.chamberlink.identity.AccountPrincipal member, SelfApplicationForm form) {
		Programme programme = openTo(member).stream()
			.filter(p -> p.id().equals(form.programmeId()))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("Programme", form.programmeId()));
		HonourLevel level = runLevel(programme, form.level());
		List<OwnMembership> own = ownMemberships(member);
		OwnMembership membership = form.membershipId() == null && own.size() == 1 ? own.get(0)
				: own.stream().filter(m -> m.membershipId().equals(form.membershipId())).findFirst()
					.orElseThrow(() -> new RuleViolationException("membershipId", "honour.nomination.memberRequired"));
		if (!membership.orgPath().startsWith(programme.orgPath()) || membership.orgPath().equals(programme.orgPath())) {
			throw new RuleViolationException("membershipId", "honour.apply.notBelow");
		}
		OrganizationSummary nominator = organizations.findActiveUnscoped(membership.orgId())
			.orElseThrow(() -> new RuleViolationException("membershipId", "honour.apply.notBelow"));
		OrganizationSummary reviewer = reviewer(programme, nominator, level);
		String reasons = HonourInput.required(form.reasons(), 2000, "reasons");
		String evidence = HonourInput.optional(form.evidence(), 4000, "evidence");
		MembershipFacts.PartyFacts facts = membershipFacts.partyFactsUnscoped(List.of(membership.partyId())).get(membership.partyId());
		LocalDate today = today();
		checkEligible(programme, level, kindOf(facts), facts.partyMember(),
				() -> dues.overdueAmongUnscoped(List.of(membership.membershipId()), today).isEmpty(), membership.joinedOn(),
				membership.partyId(), nominator.registered(), today);
		Long id = insert(programme, level, nominator, reviewer, membership.membershipId(), membership.partyId(), membership.partyName(),
				nominator.name(), reasons, evidence, null, NominationStatus.APPLIED, null);
		audit.record(AuditEntry.of("HONOUR_SELF_APPLIED").entity("Nomination", id).org(nominator.id())
			.summary(programme.name() + " · " + membership.partyName()));
		return id;
	}

	/** A member's own application as the portal shows it. */
	public record Application(Long id, String programmeName, HonourLevel level, NominationStatus status, String statusReason) {
	}

	/** The signed-in member's own applications (self-applied nominations), newest first. */
	@Transactional(readOnly = true)
	public List<Application> ownApplications(org.chamberlink.identity.AccountPrincipal member) {
		List<Long> ids = membershipFacts.idsOf(member);
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select n.id, p.name as programme_name, n.level, n.status, n.status_reason from honour_nomination n"
				+ " join honour_programme p on p.id = n.programme_id where n.self_applied and n.membership_id = any(:ids)"
				+ " order by n.id desc limit 100")
			.param("ids", ids.toArray(Long[]::new))
			.query(Application.class)
			.list();
	}

	/**
	 * The member's organisation (or one above it, in whose scope it lies) endorses a self-application:
	 * it becomes the organisation's nomination, within its quota, and goes to the reviewer.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void endorse(Long id) {
		Nomination n = nominating(id);
		if (n.status() != NominationStatus.APPLIED) {
			throw new RuleViolationException("status", "honour.apply.notApplied");
		}
		Programme programme = programmes.get(n.programmeId());
		// the member may have fallen out of good standing (or left) since applying: the rules are asked again
		recheck(programme, n);
		lockQuota(programme, n.nominatorOrgId(), n.level(), 1);
		status(id, NominationStatus.SUBMITTED, null, null);
		audit.record(AuditEntry.of("HONOUR_APPLICATION_ENDORSED").entity("Nomination", id).org(n.nominatorOrgId()).summary(n.nomineeName()));
	}

	/** The member's organisation declines a self-application with a reason (the member's place is freed). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void decline(Long id, String reason) {
		Nomination n = nominating(id);
		if (n.status() != NominationStatus.APPLIED) {
			throw new RuleViolationException("status", "honour.apply.notApplied");
		}
		String why = HonourInput.required(reason, 500, "reason");
		status(id, NominationStatus.REJECTED, why, null);
		audit.record(AuditEntry.of("HONOUR_APPLICATION_DECLINED").entity("Nomination", id).org(n.nominatorOrgId()).summary(why));
	}

	/** The nomination the caller nominated (the nominator in the caller's scope), its row locked. */
	private Nomination nominating(Long id) {
		Nomination n = get(id);
		if (!scopes.current().covers(n.nominatorOrgPath())) {
			throw new RecordNotFoundException("Nomination", id);
		}
		jdbc.sql("select id from honour_nomination where id = :id for update").param("id", id).query(Long.class).single();
		return get(id);
	}

}
