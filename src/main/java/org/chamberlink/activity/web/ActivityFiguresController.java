package org.chamberlink.activity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.chamberlink.activity.ActivityFigures;
import org.chamberlink.activity.ActivityTotals;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Activity figures of a node for a period (by default this year up to today): cards, a chart of
 * activities held by kind, and the drill-down by organisation below through the figures registry.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class ActivityFiguresController {

	private final ActivityFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	ActivityFiguresController(ActivityFigures figures, Figures drillDown, Organizations organizations, MessageSource messages,
			JsonMapper json, Clock clock) {
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/figures/activities")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "activity/figures";
		}
		FigurePeriod period = FigurePeriod.of(from, to, today());
		ActivityTotals totals = figures.totals(node, period.from(), period.to());
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", totals);
		model.addAttribute("below", drillDown.table(node, period,
				id -> "/figures/activities?org=" + id + "&from=" + period.from() + "&to=" + period.to(), "activity.held",
				"activity.personTimes", "activity.attendanceRate", "activity.governanceMeetings",
				"activity.quorumRate", "activity.idleShare"));
		ActivityTotals.KindGroup[] groups = ActivityTotals.KindGroup.values();
		model.addAttribute("kindGroups", groups);
		model.addAttribute("chartLabels", json.writeValueAsString(Arrays.stream(groups)
			.map(group -> messages.getMessage("activity.kindGroup." + group, null, locale))
			.toList()));
		model.addAttribute("chartValues", json.writeValueAsString(Arrays.stream(groups).map(totals::of).toList()));
		return "activity/figures";
	}

	@GetMapping("/activities/panels/summary")
	String panel(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		FigurePeriod year = FigurePeriod.thisYear(today());
		// the panel leaves out the members reached: they read every check-in of the year
		model.addAttribute("totals", me.orgId() == null ? null : figures.counts(me.orgId(), year.from(), year.to()));
		return "activity/figures :: panel";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
