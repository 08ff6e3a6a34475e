package org.chamberlink.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.Change;
import org.chamberlink.organization.DataScope;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a party's registered facts proposed by an organisation that shares the party with
 * organisations outside its subtree (decision 0019). The proposer's subtree follows its proposals;
 * an account whose subtree covers every membership of the party decides them ({@link ProposalDecisions}).
 * Anyone else gets 404, as for a proposal that does not exist.
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

	private final JsonMapper json;

	private final org.chamberlink.organization.Organizations organizations;

	PartyChangeProposals(JdbcClient jdbc, Members members, JsonMapper json,
			org.chamberlink.organization.Organizations organizations) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.members = members;
		this.json = json;
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

}
