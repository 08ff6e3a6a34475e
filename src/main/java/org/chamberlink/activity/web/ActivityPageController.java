package org.chamberlink.activity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityFilter;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityStatus;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.PageSizes;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The activities of the caller's subtree as a list (newest first) or a month's calendar, and one activity's page. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class ActivityPageController {

	/** The most activities a month's calendar draws (a province's month can hold more: the list pages through them). */
	static final int MONTH_LIMIT = 500;

	private final Activities activities;

	private final ActivityDetailPage detailPage;

	private final Clock clock;

	ActivityPageController(Activities activities, ActivityDetailPage detailPage, Clock clock) {
		this.activities = activities;
		this.detailPage = detailPage;
		this.clock = clock;
	}

	@GetMapping("/activities")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) ActivityKind kind,
			@RequestParam(required = false) ActivityStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String keyword, @RequestParam(defaultValue = "list") String view,
			@RequestParam(required = false) String month, @RequestParam(defaultValue = "0") int page, Model model) {
		ActivityFilter filter = new ActivityFilter(orgId, kind, status, from, to, keyword);
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("statuses", ActivityStatus.values());
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		model.addAttribute("today", today);
		if ("month".equals(view)) {
			YearMonth shown = MonthCalendar.parse(month, YearMonth.from(today));
			var those = activities.search(filter.between(shown.atDay(1), shown.atEndOfMonth()), PageRequest.of(0, MONTH_LIMIT));
			model.addAttribute("calendar", MonthCalendar.of(shown, those.getContent(), today));
			model.addAttribute("truncated", those.getTotalElements() > MONTH_LIMIT);
			model.addAttribute("view", "month");
			return "activity/list";
		}
		model.addAttribute("view", "list");
		model.addAttribute("activities", activities.search(filter, PageRequest.of(Math.max(page, 0), PageSizes.LIST)));
		return "activity/list";
	}

	@GetMapping("/activities/{id}")
	String detail(@PathVariable Long id, @RequestParam(required = false) String q, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		return detailPage.render(id, q, model);
	}

}
