package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.util.Locale;

import org.chamberlink.member.PartyLeaders;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** On a person's page: link the enterprises they lead (by credit code), or remove a link. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class PartyLeaderController {

	private final PartyLeaders leaders;

	private final MessageSource messages;

	PartyLeaderController(PartyLeaders leaders, MessageSource messages) {
		this.leaders = leaders;
		this.messages = messages;
	}

	@PostMapping("/members/{id}/leads")
	String link(@PathVariable Long id, @RequestParam(required = false) String creditCode, Locale locale,
			RedirectAttributes redirect) {
		try {
			leaders.link(id, creditCode);
			redirect.addFlashAttribute("success", "member.saved");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("leadsError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/members/" + id;
	}

	@PostMapping("/members/{id}/leads/{enterpriseId}/remove")
	String unlink(@PathVariable Long id, @PathVariable Long enterpriseId, RedirectAttributes redirect) {
		leaders.unlink(id, enterpriseId);
		redirect.addFlashAttribute("success", "member.saved");
		return "redirect:/members/" + id;
	}

}
