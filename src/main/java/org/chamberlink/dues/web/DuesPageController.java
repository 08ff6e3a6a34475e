package org.chamberlink.dues.web;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.dues.BillFilter;
import org.chamberlink.dues.BillState;
import org.chamberlink.dues.DuesBilling;
import org.chamberlink.dues.DuesBills;
import org.chamberlink.dues.DuesFigures;
import org.chamberlink.dues.DuesSchedules;
import org.chamberlink.dues.Proration;
import org.chamberlink.dues.ScheduleForm;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberRole;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation's dues for a year: collection so far, the schedule, billing runs and the bills. */
@Controller
class DuesPageController {

	private final Organizations organizations;

	private final DuesSchedules schedules;

	private final DuesBilling billing;

	private final DuesBills bills;

	private final DuesFigures figures;

	private final MessageSource messages;

	private final Clock clock;

	DuesPageController(Organizations organizations, DuesSchedules schedules, DuesBilling billing, DuesBills bills,
			DuesFigures figures, MessageSource messages, Clock clock) {
		this.organizations = organizations;
		this.schedules = schedules;
		this.billing = billing;
		this.bills = bills;
		this.figures = figures;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/dues")
	@PreAuthorize(RoleGroups.READERS)
	String page(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) BillState state,
			@RequestParam(required = false) MemberRole role, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "dues/dues";
		}
		int y = year != null ? year : LocalDate.now(clock).getYear();
		OrganizationSummary organization = organizations.get(node);
		BillFilter filter = new BillFilter(node, subtree, y, state, role, keyword);
		model.addAttribute("node", organization);
		model.addAttribute("year", y);
		model.addAttribute("filter", filter);
		model.addAttribute("schedule", schedules.of(node, y));
		model.addAttribute("collection", figures.collection(node, y));
		model.addAttribute("runs", billing.recent(node));
		model.addAttribute("bills", bills.search(filter, PageRequest.of(Math.max(page, 0), 20)));
		model.addAttribute("memberRoles", MemberRole.values());
		model.addAttribute("states", BillState.values());
		model.addAttribute("children", organizations.children(node));
		model.addAttribute("today", LocalDate.now(clock));
		return "dues/dues";
	}

	@GetMapping("/dues/schedule")
	@PreAuthorize(RoleGroups.ADMINS)
	String scheduleForm(@RequestParam Long org, @RequestParam Integer year, Model model) {
		model.addAttribute("schedule", schedules.of(org, year));
		model.addAttribute("memberRoles", MemberRole.values());
		model.addAttribute("prorations", Proration.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "dues/schedule";
	}

	@PostMapping("/dues/schedule")
	@PreAuthorize(RoleGroups.ADMINS)
	String setSchedule(@RequestParam Long org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Proration proration,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam Map<String, String> params, Locale locale, Model model, RedirectAttributes redirect) {
		Map<MemberRole, String> amounts = new EnumMap<>(MemberRole.class);
		for (MemberRole r : MemberRole.values()) {
			amounts.put(r, params.get("amount." + r.name()));
		}
		try {
			schedules.set(org, new ScheduleForm(year, proration, dueOn, effectiveFrom, amounts));
			redirect.addFlashAttribute("success", "dues.schedule.saved");
			return "redirect:/dues?org=" + org + "&year=" + year;
		}
		catch (RuleViolationException e) {
			model.addAttribute("schedule", schedules.of(org, year == null ? LocalDate.now(clock).getYear() : year));
			model.addAttribute("memberRoles", MemberRole.values());
			model.addAttribute("prorations", Proration.values());
			model.addAttribute("today", LocalDate.now(clock));
			model.addAttribute("entered", params);
			// the message on the field it names (an amount: amounts[ROLE]) and at the top (decision 25)
			model.addAttribute("refusal", new RowRefusal("schedule", org, Map.copyOf(params), e.field(),
					messages.getMessage(e.messageKey(), e.arguments(), locale)));
			return "dues/schedule";
		}
	}

	@PostMapping("/dues/billing")
	@PreAuthorize(RoleGroups.ADMINS)
	String bill(@RequestParam Long org, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean subtree, Locale locale, RedirectAttributes redirect) {
		try {
			billing.start(org, year, subtree);
			redirect.addFlashAttribute("success", "dues.billing.started");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("billingError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/dues?org=" + org + "&year=" + year;
	}

	/** The run's status, polled by the page until it has finished. */
	@GetMapping("/dues/runs/{id}")
	@PreAuthorize(RoleGroups.READERS)
	String run(@PathVariable Long id, Model model) {
		model.addAttribute("run", billing.run(id).orElseThrow(() -> new RecordNotFoundException("DuesBillingRun", id)));
		return "dues/parts :: run";
	}

	@GetMapping("/dues/panels/collection")
	@PreAuthorize(RoleGroups.READERS)
	String panel(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("collection", me.orgId() == null ? null
				: figures.collection(me.orgId(), LocalDate.now(clock).getYear()));
		return "dues/figures :: panel";
	}

}
