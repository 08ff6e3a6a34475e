package org.chamberlink.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.organization.DataScope;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a party's registered facts proposed by an organisation that shares the party with
 * organisations outside its subtree (decision 0019). The proposer's subtree follows its proposals;
 * an account whose subtree covers every membership of the party decides them. Anyone else gets
 * 404, as for a proposal that does not exist.
 */
@Service
public class PartyChangeProposals {

	/** A proposal as its pages show it; {@code changes} maps a field to before → after. */
	public record Proposal(Long id, Long partyId, String partyName, Long orgId, String orgName, String status,
			Map<String, Change> changes, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
			String decisionNote) {

		public java.time.LocalDateTime proposedAtLocal() {
			return ChinaTime.of(proposedAt);
		}

	}

	private static final String COLUMNS = """
			select x.id, x.party_id, p.name as party_name, x.org_id, x.status, x.changes::text,
			       x.proposed_by, x.proposed_at, x.decided_by, x.decided_at, x.decision_note
			from party_change_proposal x join party p on p.id = x.party_id
			""";

	/** How many proposals the list shows, newest first: a backlog beyond this is worked from the top. */
	static final int LISTED_PROPOSALS = 200;

	/** Proposals the caller's subtree made, or decides: every membership of their party lies in the subtree. */
	private static String visibleIn(DataScope scope) {
		return " (" + scope.on("x.org_path") + " or not exists (select 1 from membership m where m.party_id = x.party_id and "
				+ scope.outside("m.org_path") + ")) ";
	}

	private final JdbcClient jdbc;

	private final Members members;

	private final PartyUpdates updates;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final org.chamberlink.organization.Organizations organizations;

	PartyChangeProposals(JdbcClient jdbc, Members members, PartyUpdates updates, AuditTrail audit, JsonMapper json,
			org.chamberlink.organization.Organizations organizations) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.members = members;
		this.updates = updates;
		this.audit = audit;
		this.json = json;
	}

	/** Records the proposal of the caller's organisation; returns its id. */
	Long propose(PartyDetails before, PartyChanges proposed) {
		Long orgId = members.callerOrgId();
		String orgPath = members.scope().root();
		if (orgId == null || orgPath.isEmpty()) {
			throw new RuleViolationException("name", "member.sharedFactsElsewhere");
		}
		Map<String, Object> after = new java.util.LinkedHashMap<>(SharedFacts.shared(proposed, before));
		Map<String, Change> changes = Change.between(SharedFacts.shared(before), after);
		Long id = jdbc.sql("""
				insert into party_change_proposal (party_id, org_id, org_path, proposed, changes, proposed_by)
				values (:party, :org, :path, cast(:proposed as jsonb), cast(:changes as jsonb), :by)
				returning id
				""")
			.param("party", before.id())
			.param("org", orgId)
			.param("path", orgPath)
			.param("proposed", json.writeValueAsString(proposed))
			.param("changes", json.writeValueAsString(changes))
			.param("by", actor())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("PROPOSE").entity("Party", before.id()).org(orgId).summary("audit.summary.proposal", id)
			.changes(changes));
		return id;
	}

	/** Proposals waiting for the caller's decision, and those the caller's subtree made, newest first. */
	@Transactional(readOnly = true)
	public List<Proposal> visible(boolean pendingOnly) {
		DataScope scope = members.scope();
		return jdbc.sql(COLUMNS + " where" + visibleIn(scope)
				+ (pendingOnly ? " and x.status = 'PENDING'" : "") + " order by x.proposed_at desc limit " + LISTED_PROPOSALS)
			.params(scope.param())
			.query(this::map)
			.list();
	}

	/** Proposals of one party the caller may see. */
	@Transactional(readOnly = true)
	public List<Proposal> ofParty(Long partyId) {
		DataScope scope = members.scope();
		return jdbc.sql(COLUMNS + " where x.party_id = :party and" + visibleIn(scope)
				+ " order by x.proposed_at desc")
			.param("party", partyId)
			.params(scope.param())
			.query(this::map)
			.list();
	}

	@Transactional(readOnly = true)
	public Proposal get(Long id) {
		DataScope scope = members.scope();
		return jdbc.sql(COLUMNS + " where x.id = :id and" + visibleIn(scope))
			.param("id", id)
			.params(scope.param())
			.query(this::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("PartyChangeProposal", id));
	}

	/** Whether the caller decides this proposal (covers every holder of its party). */
	@Transactional(readOnly = true)
	public boolean decides(Proposal proposal) {
		return members.coversEveryMembership(proposal.partyId());
	}

	/** Applies the proposed facts as they were proposed; returns the party's id afterwards. */
	@Transactional
	public Long approve(Long id) {
		Proposal proposal = pendingToDecide(id);
		PartyChanges proposed = jdbc.sql("select proposed::text from party_change_proposal where id = :id")
			.param("id", id)
			.query((rs, n) -> json.readValue(rs.getString(1), PartyChanges.class))
			.single();
		PartyDetails current = members.get(proposal.partyId());
		Long partyId = updates.update(proposal.partyId(), SharedFacts.withoutContacts(proposed, current.version()))
			.partyId();
		decide(proposal, "APPROVED", null);
		return partyId;
	}

	@Transactional
	public void reject(Long id, String reason) {
		Proposal proposal = pendingToDecide(id);
		String note = reason == null ? "" : reason.strip();
		if (note.isEmpty() || note.length() > 500) {
			throw new RuleViolationException("reason", "member.proposal.reasonRequired");
		}
		decide(proposal, "REJECTED", note);
	}

	private Proposal pendingToDecide(Long id) {
		Proposal proposal = get(id);
		if (!decides(proposal)) {
			throw new RuleViolationException("id", "member.proposal.notYours");
		}
		if (!"PENDING".equals(proposal.status())) {
			throw new RuleViolationException("id", "member.proposal.decided");
		}
		return proposal;
	}

	private void decide(Proposal proposal, String status, String note) {
		jdbc.sql("""
				update party_change_proposal set status = :status, decided_by = :by, decided_at = now(),
				       decision_note = :note
				where id = :id and status = 'PENDING'
				""")
			.param("status", status)
			.param("by", actor())
			.param("note", note)
			.param("id", proposal.id())
			.update();
		audit.record(AuditEntry.of(status.equals("APPROVED") ? "PROPOSAL_APPROVED" : "PROPOSAL_REJECTED")
			.entity("Party", proposal.partyId())
			.org(proposal.orgId())
			.summary(note == null ? "audit.summary.proposal" : "audit.summary.proposalNoted", proposal.id(), note));
	}

	private Proposal map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Map<String, Change> changes = new java.util.LinkedHashMap<>();
		Map<?, ?> stored = json.readValue(rs.getString("changes"), Map.class);
		stored.forEach((field, change) -> {
			Map<?, ?> values = (Map<?, ?>) change;
			changes.put(field.toString(), new Change(values.get("before"), values.get("after")));
		});
		java.sql.Timestamp decided = rs.getTimestamp("decided_at");
		long orgId = rs.getLong("org_id");
		return new Proposal(rs.getLong("id"), rs.getLong("party_id"), rs.getString("party_name"), orgId,
				organizations.namesUnscoped(List.of(orgId)).get(orgId), rs.getString("status"), changes, rs.getString("proposed_by"),
				rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
	}

	private static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
