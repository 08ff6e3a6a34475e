package org.chamberlink.dues.web;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.dues.DuesReminders;
import org.chamberlink.dues.OwnDues;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.notification.Channel;
import org.chamberlink.notification.Notifications;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member portal's dues page: own bills and receipts, the e-mail reminders go to, and switching them off. */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class DuesPortalController {

	private final OwnDues bills;

	private final PartyEmails emails;

	private final Notifications notifications;

	private final Clock clock;

	DuesPortalController(OwnDues bills, PartyEmails emails, Notifications notifications, Clock clock) {
		this.bills = bills;
		this.emails = emails;
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping("/portal/dues")
	String dues(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		String email = emails.own(me).orElse(null);
		model.addAttribute("bills", bills.own(me));
		model.addAttribute("receipts", bills.ownReceipts(me));
		model.addAttribute("email", email);
		model.addAttribute("remindersOn", email != null
				&& !notifications.isOptedOut(Channel.MAIL, email, DuesReminders.TOPIC));
		model.addAttribute("today", LocalDate.now(clock));
		return "dues/portal";
	}

	@PostMapping("/portal/dues/reminders")
	String reminders(@RequestParam boolean enabled, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		emails.own(me).ifPresent(email -> {
			if (enabled) {
				notifications.optIn(Channel.MAIL, email, DuesReminders.TOPIC);
			}
			else {
				notifications.optOut(Channel.MAIL, email, DuesReminders.TOPIC);
			}
		});
		redirect.addFlashAttribute("success", enabled ? "portal.remindersOn" : "portal.remindersOff");
		return "redirect:/portal/dues";
	}

}
