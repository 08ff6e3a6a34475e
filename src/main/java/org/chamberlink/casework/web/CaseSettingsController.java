package org.chamberlink.casework.web;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.TimeLimits;
import org.chamberlink.casework.WorkingCalendar;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Time limits of the caller's organisation, and the holiday list (system administrator). */
@Controller
class CaseSettingsController {

	private final TimeLimits limits;

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	private final Clock clock;

	CaseSettingsController(TimeLimits limits, WorkingCalendar calendar, MessageSource messages, Clock clock) {
		this.limits = limits;
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/cases/settings")
	@PreAuthorize(RoleGroups.ADMINS)
	String settings(@RequestParam(required = false) Integer year, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (me.orgId() != null) {
			model.addAttribute("limits", limits.all(me.orgId()).values());
		}
		model.addAttribute("year", y);
		model.addAttribute("days", calendar.year(y));
		return "casework/settings";
	}

	@PostMapping("/cases/settings/limits")
	@PreAuthorize(RoleGroups.ADMINS)
	String setLimit(@RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Integer acceptDays,
			@RequestParam(required = false) Integer resolveDays, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			limits.set(me.orgId(), kind, acceptDays, resolveDays);
			redirect.addFlashAttribute("success", "timeLimit.saved");
			return "redirect:/cases/settings";
		}
		catch (RuleViolationException e) {
			// one form per kind: the refusal names its kind as the form
			model.addAttribute("refusal", RowRefusal.of("limits-" + kind, 0L, e, messages, locale, "acceptDays",
					acceptDays == null ? null : acceptDays.toString(), "resolveDays",
					resolveDays == null ? null : resolveDays.toString()));
			return settings(null, me, model);
		}
	}

	@PostMapping("/cases/settings/calendar")
	@PreAuthorize(RoleGroups.SYSTEM)
	String listDay(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(defaultValue = "false") boolean working, @RequestParam(required = false) String name,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			calendar.list(day, working, name);
			redirect.addFlashAttribute("success", "calendar.saved");
			return "redirect:/cases/settings" + (day == null ? "" : "?year=" + day.getYear());
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("calendar", 0L, e, messages, locale, "day",
					day == null ? null : day.toString(), "name", name, "working", Boolean.toString(working)));
			return settings(day == null ? null : day.getYear(), me, model);
		}
	}

	@PostMapping("/cases/settings/calendar/remove")
	@PreAuthorize(RoleGroups.SYSTEM)
	String unlistDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		calendar.unlist(day);
		redirect.addFlashAttribute("success", "calendar.removed");
		return "redirect:/cases/settings?year=" + day.getYear();
	}

}
