package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.util.Locale;

import org.chamberlink.member.PartyChangeProposals;
import org.chamberlink.member.ProposalDecisions;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of proposed changes of registered facts, with approve and reject for those who decide. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class PartyChangeProposalController {

	private final PartyChangeProposals proposals;

	private final ProposalDecisions decisions;

	private final MessageSource messages;

	PartyChangeProposalController(PartyChangeProposals proposals, ProposalDecisions decisions, MessageSource messages) {
		this.proposals = proposals;
		this.decisions = decisions;
		this.messages = messages;
	}

	@GetMapping("/members/proposals")
	String list(@RequestParam(defaultValue = "true") boolean pending, Model model) {
		var visible = proposals.visible(pending);
		model.addAttribute("pending", pending);
		model.addAttribute("proposals", visible);
		model.addAttribute("deciding", visible.stream()
			.filter(proposal -> "PENDING".equals(proposal.status()) && proposals.decides(proposal))
			.map(PartyChangeProposals.Proposal::id)
			.toList());
		return "member/proposals";
	}

	@PostMapping("/members/proposals/{id}/approve")
	@PreAuthorize(RoleGroups.ADMINS)
	String approve(@PathVariable Long id, Locale locale, RedirectAttributes redirect) {
		try {
			decisions.approve(id);
			redirect.addFlashAttribute("success", "member.proposal.approved");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("proposalError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/members/proposals";
	}

	@PostMapping("/members/proposals/{id}/reject")
	@PreAuthorize(RoleGroups.ADMINS)
	String reject(@PathVariable Long id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		try {
			decisions.reject(id, reason);
			redirect.addFlashAttribute("success", "member.proposal.rejected");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("proposalError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/members/proposals";
	}

}
