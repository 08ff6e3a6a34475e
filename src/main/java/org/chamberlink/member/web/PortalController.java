package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.member.PersonalDataReveal;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member portal's first page (a member's own memberships), and opening a member's sign-in. */
@Controller
class PortalController {

	private final MemberAccounts memberAccounts;

	private final MessageSource messages;

	private final Clock clock;

	PortalController(MemberAccounts memberAccounts, MessageSource messages, Clock clock) {
		this.memberAccounts = memberAccounts;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/portal")
	@PreAuthorize(RoleGroups.MEMBER)
	String portal(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("memberships", memberAccounts.membershipsOf(me));
		model.addAttribute("today", LocalDate.now(clock));
		return "member/portal";
	}

	@PostMapping("/members/{id}/login")
	@PreAuthorize(RoleGroups.ADMINS)
	String open(@PathVariable Long id, Locale locale, RedirectAttributes redirect) {
		try {
			MemberAccounts.Opened opened = memberAccounts.open(id);
			redirect.addFlashAttribute("memberLogin", opened.login());
			redirect.addFlashAttribute("memberPassword", opened.initialPassword());
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("membershipError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/members/" + id;
	}

}
