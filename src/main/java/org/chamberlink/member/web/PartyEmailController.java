package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A party's e-mail address: kept by staff on the member's page and the API, or by the member in the portal. */
@Controller
class PartyEmailController {

	private final PartyEmails emails;

	private final MessageSource messages;

	PartyEmailController(PartyEmails emails, MessageSource messages) {
		this.emails = emails;
		this.messages = messages;
	}

	@PostMapping("/members/{id}/email")
	@PreAuthorize(RoleGroups.WORKERS)
	String set(@PathVariable Long id, @RequestParam(required = false) String email, Locale locale,
			RedirectAttributes redirect) {
		try {
			emails.set(id, email);
			redirect.addFlashAttribute("success", "member.saved");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("emailError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/members/" + id;
	}

	@PostMapping("/portal/email")
	@PreAuthorize(RoleGroups.MEMBER)
	String own(@RequestParam(required = false) String email, @AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(defaultValue = "/portal") String back, Locale locale, RedirectAttributes redirect) {
		try {
			emails.setOwn(me, email);
			redirect.addFlashAttribute("success", "portal.emailSaved");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("emailError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:" + ("/portal/dues".equals(back) ? "/portal/dues" : "/portal");
	}

}
