package org.chamberlink.casework.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.casework.CaseCategory;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.VisitWorkflow;
import org.chamberlink.casework.Visits;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.Members;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quarter's visit plan: its completion, planning a visit, completing one with the needs it raised. */
@Controller
class VisitController {

	private final Visits visits;

	private final VisitWorkflow workflow;

	private final Members members;

	private final MessageSource messages;

	private final Clock clock;

	VisitController(Visits visits, VisitWorkflow workflow, Members members, MessageSource messages, Clock clock) {
		this.visits = visits;
		this.workflow = workflow;
		this.members = members;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/visits")
	@PreAuthorize(RoleGroups.READERS)
	String plan(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
			@RequestParam(required = false) String memberKeyword, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		LocalDate today = LocalDate.now(clock);
		int y = year == null ? today.getYear() : year;
		int q = quarter == null ? (today.getMonthValue() - 1) / 3 + 1 : Math.max(1, Math.min(4, quarter));
		model.addAttribute("year", y);
		model.addAttribute("quarter", q);
		model.addAttribute("visits", visits.quarter(null, y, q));
		model.addAttribute("progress", me.orgId() == null ? null : visits.progress(me.orgId(), y, q));
		model.addAttribute("needCategories", CaseKind.NEED.categories());
		model.addAttribute("today", today);
		model.addAttribute("memberKeyword", memberKeyword);
		if (memberKeyword != null && !memberKeyword.isBlank()) {
			model.addAttribute("matches", members.search(MemberFilter.current().matching(memberKeyword).sortedBy("name"),
					PageRequest.of(0, PageSizes.MATCHES)).getContent());
		}
		return "casework/visits";
	}

	@PostMapping("/visits")
	@PreAuthorize(RoleGroups.WORKERS)
	String planVisit(@RequestParam(required = false) Long partyId, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
			@RequestParam(required = false) String visitors, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String memberKeyword, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			workflow.plan(orgId, partyId, year, quarter, visitors, purpose);
			redirect.addFlashAttribute("success", "visit.planned.done");
			return "redirect:/visits?year=" + year + "&quarter=" + quarter;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("plan", partyId, e, messages, locale, "visitors", visitors,
					"purpose", purpose));
			return plan(year, quarter, memberKeyword, me, model);
		}
	}

	/** A visit made before, entered from a paper ledger with its real day (补录); the page of its quarter follows. */
	@PostMapping("/visits/past")
	@PreAuthorize(RoleGroups.WORKERS)
	String enterPast(@RequestParam(required = false) Long partyId, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String visitedOn, @RequestParam(required = false) String visitors,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) String findings,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
			@RequestParam(required = false) String memberKeyword, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			LocalDate on = date(visitedOn);
			workflow.enterPast(orgId, partyId, on, visitors, purpose, findings);
			redirect.addFlashAttribute("success", "visit.past.entered");
			return "redirect:/visits?year=" + on.getYear() + "&quarter=" + ((on.getMonthValue() - 1) / 3 + 1);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("past", partyId, e, messages, locale, "visitedOn", visitedOn,
					"visitors", visitors, "purpose", purpose, "findings", findings));
			return plan(year, quarter, memberKeyword, me, model);
		}
	}

	@PostMapping("/visits/{id}/complete")
	@PreAuthorize(RoleGroups.WORKERS)
	String complete(@PathVariable Long id, @RequestParam(required = false) String visitedOn,
			@RequestParam(required = false) String findings, @RequestParam(required = false) CaseCategory needCategory,
			@RequestParam(required = false) String needTitle, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		var visit = visits.get(id);
		try {
			List<VisitWorkflow.RaisedNeed> needs = new ArrayList<>();
			if (needTitle != null && !needTitle.isBlank()) {
				needs.add(new VisitWorkflow.RaisedNeed(needCategory, needTitle, null));
			}
			workflow.complete(id, date(visitedOn), findings, needs);
			redirect.addFlashAttribute("success", "visit.completed");
			return "redirect:/visits?year=" + visit.planYear() + "&quarter=" + visit.planQuarter();
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("complete", id, e, messages, locale, "visitedOn", visitedOn,
					"findings", findings, "needCategory", needCategory == null ? null : needCategory.name(), "needTitle",
					needTitle));
			return plan(visit.planYear(), visit.planQuarter(), null, me, model);
		}
	}

	@PostMapping("/visits/{id}/cancel")
	@PreAuthorize(RoleGroups.WORKERS)
	String cancel(@PathVariable Long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		var visit = visits.get(id);
		try {
			workflow.cancel(id, reason);
			redirect.addFlashAttribute("success", "visit.cancelled");
			return "redirect:/visits?year=" + visit.planYear() + "&quarter=" + visit.planQuarter();
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("cancel", id, e, messages, locale, "reason", reason));
			return plan(visit.planYear(), visit.planQuarter(), null, me, model);
		}
	}

	/** The visit's date as typed; one that is not a date is refused on its field like a missing one. */
	private static LocalDate date(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new RuleViolationException("visitedOn", "visit.visitedOn.invalid");
		}
	}

}
