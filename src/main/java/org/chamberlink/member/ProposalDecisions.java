package org.chamberlink.member;

import org.chamberlink.shared.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approves or rejects a pending proposal ({@link PartyChangeProposals}): only an account whose
 * subtree covers every membership of the party decides it (decision 0019).
 */
@Service
public class ProposalDecisions {

	private final PartyChangeProposals proposals;

	private final ProposalRecords records;

	private final PartyUpdates updates;

	private final Members members;

	ProposalDecisions(PartyChangeProposals proposals, ProposalRecords records, PartyUpdates updates, Members members) {
		this.proposals = proposals;
		this.records = records;
		this.updates = updates;
		this.members = members;
	}

	/** Applies the proposed facts as they were proposed; returns the party's id afterwards. */
	@Transactional
	public Long approve(Long id) {
		PartyChangeProposals.Proposal proposal = pendingToDecide(id);
		PartyChanges proposed = records.proposed(id);
		PartyDetails current = members.get(proposal.partyId());
		Long partyId = updates.update(proposal.partyId(), SharedFacts.withoutContacts(proposed, current.version()))
			.partyId();
		records.decide(proposal, "APPROVED", null);
		return partyId;
	}

	@Transactional
	public void reject(Long id, String reason) {
		PartyChangeProposals.Proposal proposal = pendingToDecide(id);
		String note = reason == null ? "" : reason.strip();
		if (note.isEmpty() || note.length() > 500) {
			throw new RuleViolationException("reason", "member.proposal.reasonRequired");
		}
		records.decide(proposal, "REJECTED", note);
	}

	private PartyChangeProposals.Proposal pendingToDecide(Long id) {
		PartyChangeProposals.Proposal proposal = proposals.get(id);
		if (!proposals.decides(proposal)) {
			throw new RuleViolationException("id", "member.proposal.notYours");
		}
		if (!"PENDING".equals(proposal.status())) {
			throw new RuleViolationException("id", "member.proposal.decided");
		}
		return proposal;
	}

}
