package org.chamberlink.member;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the rows of {@link PartyChangeProposals}, each with its audit entry: a proposal made by
 * {@link PartyUpdates}, and the decision {@link ProposalDecisions} takes on it.
 */
@Component
class ProposalRecords {

	private final JdbcClient jdbc;

	private final Members members;

	private final AuditTrail audit;

	private final JsonMapper json;

	ProposalRecords(JdbcClient jdbc, Members members, AuditTrail audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.members = members;
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
		Map<String, Object> after = new LinkedHashMap<>(SharedFacts.shared(proposed, before));
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

	/** The facts as they were proposed. */
	PartyChanges proposed(Long id) {
		return jdbc.sql("select proposed::text from party_change_proposal where id = :id")
			.param("id", id)
			.query((rs, n) -> json.readValue(rs.getString(1), PartyChanges.class))
			.single();
	}

	void decide(PartyChangeProposals.Proposal proposal, String status, String note) {
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

	private static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
