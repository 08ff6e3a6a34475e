package org.chamberlink.casework.web;

import org.chamberlink.identity.RoleGroups;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.casework.CaseFigures;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.Organizations;
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

/** Casework figures of a node for a period, with a chart by category and the drill-down by organisation below. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class CaseFiguresController {

	private final CaseFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final java.time.Clock clock;

	CaseFiguresController(CaseFigures figures, Figures drillDown, Organizations organizations, MessageSource messages,
			JsonMapper json, java.time.Clock clock) {
		this.clock = clock;
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/figures/cases")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "casework/figures";
		}
		Period period = Period.of(from, to, LocalDate.now(clock));
		List<CaseFigures.CategoryCount> categories = figures.byCategory(node, period.from(), period.to());
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", figures.totals(node, period.from(), period.to()));
		model.addAttribute("below", drillDown.table(node, new FigurePeriod(period.from(), period.to()),
				id -> "/figures/cases?org=" + id + "&from=" + period.from() + "&to=" + period.to(), "case.cases",
				"case.open", "case.overdue", "case.satisfactionRate", "case.recoveredFen"));
		model.addAttribute("categories", categories);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("chartLabels", json.writeValueAsString(categories.stream()
			// a category always with its kind: the chart's 投诉 is one category of 维权投诉, never the kind itself
			.map(c -> messages.getMessage("caseKind." + c.kind(), null, locale) + "·"
					+ messages.getMessage("caseCategory." + c.category(), null, locale))
			.toList()));
		model.addAttribute("chartValues", json.writeValueAsString(categories.stream().map(CaseFigures.CategoryCount::cases).toList()));
		return "casework/figures";
	}

	@GetMapping("/cases/panels/summary")
	String panel(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Period year = Period.of(null, null, LocalDate.now(clock));
		model.addAttribute("totals", me.orgId() == null ? null : figures.totals(me.orgId(), year.from(), year.to()));
		return "casework/figures :: panel";
	}

}
