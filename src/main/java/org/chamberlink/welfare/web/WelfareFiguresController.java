package org.chamberlink.welfare.web;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import org.chamberlink.welfare.WelfareFigures;
import org.chamberlink.welfare.WelfareTotals;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Welfare figures of a node for a period (this year by default): cards, a chart of committed against delivered, and the drill-down. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class WelfareFiguresController {

	private final WelfareFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final JsonMapper json;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	WelfareFiguresController(WelfareFigures figures, Figures drillDown, Organizations organizations, JsonMapper json, Clock clock,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/figures/welfare")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, java.util.Locale locale, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "welfare/figures";
		}
		FigurePeriod period = FigurePeriod.of(from, to, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		WelfareTotals totals = figures.totals(node, period.from(), period.to());
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", totals);
		model.addAttribute("below", drillDown.table(node, period,
				id -> "/figures/welfare?org=" + id + "&from=" + period.from() + "&to=" + period.to(), "welfare.enterprises",
				"welfare.villages", "welfare.advisers", "welfare.projects", "welfare.delivered", "welfare.participation"));
		model.addAttribute("chartLabels", json.writeValueAsString(java.util.List.of(messages.getMessage("welfare.committed", null, locale), messages.getMessage("welfare.delivered", null, locale))));
		model.addAttribute("chartValues", json.writeValueAsString(java.util.List.of(Fen.yuan(totals.committedFen()),
				Fen.yuan(totals.deliveredFen()))));
		return "welfare/figures";
	}

}
