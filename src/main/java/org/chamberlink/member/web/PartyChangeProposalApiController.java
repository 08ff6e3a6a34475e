package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyChangeProposals;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.ProposalDecisions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proposed changes of registered facts: followed by the proposing subtree, decided by the federation over every holder. */
@RestController
@RequestMapping("/api/v1/party-change-proposals")
@PreAuthorize(RoleGroups.READERS)
class PartyChangeProposalApiController {

	record Rejection(String reason) {
	}

	private final PartyChangeProposals proposals;

	private final ProposalDecisions decisions;

	private final Members members;

	PartyChangeProposalApiController(PartyChangeProposals proposals, ProposalDecisions decisions, Members members) {
		this.proposals = proposals;
		this.decisions = decisions;
		this.members = members;
	}

	@GetMapping
	@Operation(summary = "Proposals your subtree made and those waiting for your decision, newest first", tags = "members")
	List<PartyChangeProposals.Proposal> list(@RequestParam(defaultValue = "false") boolean pending) {
		return proposals.visible(pending);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One proposal: the fields it changes, before and after", tags = "members")
	PartyChangeProposals.Proposal get(@PathVariable Long id) {
		return proposals.get(id);
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Approve: the registered facts change for every holder", tags = "members")
	PartyDetails approve(@PathVariable Long id) {
		return members.get(decisions.approve(id));
	}

	@PostMapping("/{id}/reject")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Reject with a reason the proposing organisation reads", tags = "members")
	PartyChangeProposals.Proposal reject(@PathVariable Long id, @RequestBody Rejection rejection) {
		decisions.reject(id, rejection.reason());
		return proposals.get(id);
	}

}
