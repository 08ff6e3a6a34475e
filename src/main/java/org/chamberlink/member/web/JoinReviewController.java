package org.chamberlink.member.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.member.JoinApplicationDecisions;
import org.chamberlink.member.JoinApplications;
import org.chamberlink.member.MemberRole;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff review join applications of their organisations: approve into a membership, or reject with a reason. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class JoinReviewController {

	static final int PAGE_SIZE = PageSizes.LIST;

	private final JoinApplications applications;

	private final JoinApplicationDecisions decisions;

	private final MessageSource messages;

	private final Clock clock;

	JoinReviewController(JoinApplications applications, JoinApplicationDecisions decisions, MessageSource messages, Clock clock) {
		this.applications = applications;
		this.decisions = decisions;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/members/applications")
	String list(@RequestParam(defaultValue = "SUBMITTED") String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("status", status);
		model.addAttribute("applications", applications.search(status, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "member/applications";
	}

	@GetMapping("/members/applications/{id}")
	String detail(@PathVariable Long id, Model model) {
		model.addAttribute("joinApp", applications.get(id));
		model.addAttribute("memberRoles", MemberRole.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "member/application";
	}

	@PostMapping("/members/applications/{id}/approve")
	String approve(@PathVariable Long id, @RequestParam(required = false) MemberRole role,
			@RequestParam(required = false) String joinedOn, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long partyId = decisions.approve(id, role, date(joinedOn));
			redirect.addFlashAttribute("success", "join.approved");
			return "redirect:/members/" + partyId;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("approve", id, e, messages, locale, "role",
					role == null ? null : role.name(), "joinedOn", joinedOn));
			return detail(id, model);
		}
	}

	@PostMapping("/members/applications/{id}/reject")
	String reject(@PathVariable Long id, @RequestParam(defaultValue = "") String reason, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			decisions.reject(id, reason);
			redirect.addFlashAttribute("success", "join.rejected");
			return "redirect:/members/applications/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("reject", id, e, messages, locale, "reason", reason));
			return detail(id, model);
		}
	}

	/** The joining date as typed; one that is not a date is refused on its field. */
	private static LocalDate date(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(typed.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new RuleViolationException("joinedOn", "typeMismatch",
					new org.springframework.context.support.DefaultMessageSourceResolvable("member.joinedOn"));
		}
		org.chamberlink.shared.CalendarDates.requirePlausible("joinedOn", "member.joinedOn", date);
		return date;
	}

}
