package org.chamberlink.proposal.web;

import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.proposal.ProposalTopic;
import org.chamberlink.proposal.Suggestions;
import org.chamberlink.proposal.Suggestions.SuggestionForm;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member's suggestions in the portal (a phone's stacked cards): the form, and what became of each (已采纳). */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class ProposalPortalController {

	private final Suggestions suggestions;

	private final ProposalPages pages;

	ProposalPortalController(Suggestions suggestions, ProposalPages pages) {
		this.suggestions = suggestions;
		this.pages = pages;
	}

	@GetMapping("/portal/suggestions")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("suggestions", suggestions.mine(me));
		model.addAttribute("memberships", suggestions.currentMemberships(me));
		model.addAttribute("topics", ProposalTopic.values());
		return "proposal/portal";
	}

	@PostMapping("/portal/suggestions")
	String submit(@RequestParam(required = false) Long orgId, @RequestParam(required = false) ProposalTopic topic,
			@RequestParam(required = false) String problem, @RequestParam(required = false) String suggestion,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			suggestions.submitAsMember(new SuggestionForm(orgId, topic, problem, suggestion), me);
			return pages.done("/portal/suggestions", "proposal.suggestion.submitted", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "suggestion", e, locale, "orgId", ProposalPages.text(orgId), "topic", ProposalPages.text(topic),
					"problem", problem, "suggestion", suggestion);
			return list(me, model);
		}
	}

}
