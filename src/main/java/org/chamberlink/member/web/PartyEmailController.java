package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A party's e-mail address: kept by staff on the member's page and the API, or by the member in the portal. */
@Controller
class PartyEmailController {

	private final PartyEmails emails;

	private final MessageSource messages;

	private final MemberDetailPage detailPage;

	PartyEmailController(PartyEmails emails, MessageSource messages, MemberDetailPage detailPage) {
		this.emails = emails;
		this.messages = messages;
		this.detailPage = detailPage;
	}

	@PostMapping("/members/{id}/email")
	@PreAuthorize(RoleGroups.WORKERS)
	String set(@PathVariable Long id, @RequestParam(required = false) String email, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			emails.set(id, email);
			redirect.addFlashAttribute("success", "member.saved");
			return "redirect:/members/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("email", id, e, messages, locale, "email", email));
			return detailPage.render(id, model);
		}
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
			// The form sits on the portal's page or on the dues module's: the typed address goes back
			// with the message across the redirect, as plain strings (the session is serialized).
			redirect.addFlashAttribute("emailError", messages.getMessage(e.messageKey(), e.arguments(), locale));
			redirect.addFlashAttribute("emailTyped", email == null ? "" : email);
		}
		return "redirect:" + ("/portal/dues".equals(back) ? "/portal/dues" : "/portal");
	}

}
