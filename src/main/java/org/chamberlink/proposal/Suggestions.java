package org.chamberlink.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.member.MemberAccounts.OwnMembership;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions (建言): a member submits one in the portal to one of their organisations; a chamber's
 * staff submit one for an organisation of their subtree. Each is read within the data scope of its
 * organisation; a member reads their own with what became of the proposal it went into.
 */
@Service
public class Suggestions {

	static final String COLUMNS = """
			select s.id, s.org_id, s.org_path, s.party_id, s.topic, s.problem, s.suggestion, s.submitted_on, s.proposal_id,
			       p.title as proposal_title, p.status as proposal_status, p.holder_role as proposal_holder_role,
			       null as org_name, null as submitter_name
			from proposal_suggestion s
			left join proposal p on p.id = s.proposal_id
			""";

	/**
	 * A suggestion; {@code partyId} is the member who submitted it (null: a chamber's staff), the
	 * proposal's title and status once the federation merged it into one.
	 */
	public record Suggestion(Long id, Long orgId, String orgPath, Long partyId, ProposalTopic topic, String problem,
			String suggestion, LocalDate submittedOn, Long proposalId, String proposalTitle, ProposalStatus proposalStatus,
			HolderRole proposalHolderRole, String orgName, String submitterName) {

		Suggestion named(String org, String submitter) {
			return new Suggestion(id, orgId, orgPath, partyId, topic, problem, suggestion, submittedOn, proposalId, proposalTitle,
					proposalStatus, proposalHolderRole, org, submitter);
		}

		/** Whether the submitter's suggestion has been adopted (its proposal was). */
		public boolean adopted() {
			return proposalStatus == ProposalStatus.ADOPTED;
		}

	}

	/** What is typed: the organisation it is filed with, the topic, the problem and the suggestion. */
	public record SuggestionForm(Long orgId, ProposalTopic topic, String problem, String suggestion) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final MemberAccounts accounts;

	private final PartyEmails parties;

	private final org.chamberlink.member.Members members;

	private final AuditTrail audit;

	private final Clock clock;

	Suggestions(JdbcClient jdbc, DataScopes scopes, Organizations organizations, MemberAccounts accounts, PartyEmails parties,
			org.chamberlink.member.Members members, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.accounts = accounts;
		this.parties = parties;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/** A chamber's staff submit a suggestion for an organisation of their subtree. */
	@Transactional
	public Long submit(SuggestionForm form, AccountPrincipal me) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "proposal.required");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "proposal.organization.notFound"));
		return insert(org.id(), org.path(), null, form, me);
	}

	/**
	 * Staff record a member's suggestion on their behalf (told by phone, or at a meeting): the member
	 * must be visible in the caller's scope, and then sees it in the portal as their own.
	 */
	@Transactional
	public Long submitOnBehalf(Long partyId, SuggestionForm form, AccountPrincipal me) {
		if (partyId == null || members.find(partyId).isEmpty()) {
			throw new RuleViolationException("partyId", "proposal.member.notFound");
		}
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "proposal.required");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "proposal.organization.notFound"));
		return insert(org.id(), org.path(), partyId, form, me);
	}

	/** A member submits a suggestion to one of the organisations they are a current member of. */
	@Transactional
	public Long submitAsMember(SuggestionForm form, AccountPrincipal me) {
		Long party = parties.partyOf(me).orElseThrow(() -> new RuleViolationException("orgId", "proposal.organization.notFound"));
		List<OwnMembership> current = currentMemberships(me);
		Long orgId = form.orgId() != null ? form.orgId() : current.size() == 1 ? current.get(0).orgId() : null;
		if (orgId == null) {
			throw new RuleViolationException("orgId", "proposal.required");
		}
		if (current.stream().noneMatch(m -> m.orgId().equals(orgId))) {
			throw new RuleViolationException("orgId", "proposal.organization.notFound");
		}
		OrganizationSummary org = organizations.findActiveUnscoped(orgId)
			.orElseThrow(() -> new RuleViolationException("orgId", "proposal.organization.notFound"));
		return insert(org.id(), org.path(), party, form, me);
	}

	/** The member's current memberships: the organisations they may submit to and read disclosures of. */
	public List<OwnMembership> currentMemberships(AccountPrincipal me) {
		return accounts.membershipsOf(me).stream().filter(m -> m.leftOn() == null).toList();
	}

	private Long insert(Long orgId, String path, Long party, SuggestionForm form, AccountPrincipal me) {
		if (form.topic() == null) {
			throw new RuleViolationException("topic", "proposal.required");
		}
		String problem = text("problem", form.problem(), 4000);
		String suggestion = text("suggestion", form.suggestion(), 4000);
		Long id = jdbc.sql("""
				insert into proposal_suggestion (org_id, org_path, party_id, submitted_by, topic, problem, suggestion, submitted_on)
				values (:org, :path, :party, :by, :topic, :problem, :suggestion, :on) returning id
				""")
			.param("org", orgId).param("path", path).param("party", party).param("by", me.id()).param("topic", form.topic().name())
			.param("problem", problem).param("suggestion", suggestion).param("on", today())
			.query(Long.class).single();
		audit.record(AuditEntry.of("SUGGESTION_SUBMITTED").entity("Suggestion", id).org(orgId).summary(problem.length() > 60
				? problem.substring(0, 60) + "…" : problem));
		return id;
	}

	static String text(String field, String value, int max) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new RuleViolationException(field, "proposal.required");
		}
		if (text.length() > max) {
			throw new RuleViolationException(field, "proposal.tooLong", max);
		}
		return text;
	}

	@Transactional(readOnly = true)
	public Optional<Suggestion> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where s.id = :id and " + scope.on("s.org_path")).param("id", id).params(scope.param())
			.query(Suggestion.class).optional().map(s -> named(List.of(s)).get(0));
	}

	public Suggestion get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Suggestion", id));
	}

	/** Suggestions in the caller's scope, newest first; {@code open}: those not yet in a proposal. */
	@Transactional(readOnly = true)
	public List<Suggestion> list(Long orgId, ProposalTopic topic, boolean open) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("s.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (orgId != null) {
			DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
			where.add(subtree.on("s.org_path"));
			params.putAll(subtree.param());
		}
		if (topic != null) {
			where.add("s.topic = :topic");
			params.put("topic", topic.name());
		}
		if (open) {
			where.add("s.proposal_id is null");
		}
		return named(jdbc.sql(COLUMNS + " where " + String.join(" and ", where) + " order by s.submitted_on desc, s.id desc limit 300")
			.params(params).query(Suggestion.class).list());
	}

	/** The suggestions merged into a proposal (within the caller's scope). */
	@Transactional(readOnly = true)
	public List<Suggestion> ofProposal(Long proposalId) {
		DataScope scope = scopes.current();
		return named(jdbc.sql(COLUMNS + " where s.proposal_id = :p and " + scope.on("s.org_path") + " order by s.id")
			.param("p", proposalId).params(scope.param()).query(Suggestion.class).list());
	}

	/** The signed-in member's own suggestions, newest first, with what became of them. */
	@Transactional(readOnly = true)
	public List<Suggestion> mine(AccountPrincipal me) {
		Optional<Long> party = parties.partyOf(me);
		if (party.isEmpty()) {
			return List.of();
		}
		return named(jdbc.sql(COLUMNS + " where s.party_id = :party order by s.submitted_on desc, s.id desc limit 200")
			.param("party", party.get()).query(Suggestion.class).list());
	}

	private List<Suggestion> named(List<Suggestion> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> orgs = organizations.namesUnscoped(rows.stream().map(Suggestion::orgId).distinct().toList());
		Map<Long, String> people = new HashMap<>();
		rows.stream().map(Suggestion::partyId).filter(java.util.Objects::nonNull).distinct()
			.forEach(p -> people.put(p, members.nameUnscoped(p)));
		return rows.stream().map(s -> s.named(orgs.get(s.orgId()), s.partyId() == null ? null : people.get(s.partyId()))).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
