package org.chamberlink.organization.web;

import org.chamberlink.shared.PageSizes;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.OrganizationFigures;
import org.chamberlink.organization.OrganizationFilter;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation figures of a node with drill-down (province → city → county → chamber list),
 * and the two home-page panels: key figures and renewals due.
 */
@Controller
class OrganizationFiguresController {

	private static final String[] COLUMNS = { "organization.chambers", "organization.townshipCoverage",
			"organization.registrationRate", "organization.partyCoverage" };

	private final Organizations organizations;

	private final OrganizationFigures figures;

	private final Figures drillDown;

	private final MessageSource messages;

	private final JsonMapper json;

	private final java.time.Clock clock;

	OrganizationFiguresController(Organizations organizations, OrganizationFigures figures, Figures drillDown,
			MessageSource messages, JsonMapper json, java.time.Clock clock) {
		this.clock = clock;
		this.organizations = organizations;
		this.figures = figures;
		this.drillDown = drillDown;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/figures/organizations")
	String figures(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("below", drillDown.tableOf(organizations.roots().stream().map(OrganizationSummary::id).toList(),
					FigurePeriod.thisYear(LocalDate.now(clock)), OrganizationFiguresController::link, COLUMNS));
			model.addAttribute("chambers", List.of());
			return "organization/figures";
		}
		// as of a day when one is asked for (the return's records behind a cell, decision 57), else today
		LocalDate today = LocalDate.now(clock);
		LocalDate asOf = to == null || to.isAfter(today) ? null : to;
		OrganizationFigures.Figures figure = figures.of(node, asOf);
		model.addAttribute("figure", figure);
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("asOf", asOf);
		model.addAttribute("below", drillDown.table(node, FigurePeriod.of(null, asOf, today),
				asOf == null ? OrganizationFiguresController::link : child -> link(child) + "&to=" + asOf, COLUMNS));
		// At county level there is no federation below: the drill-down ends in the chamber list.
		model.addAttribute("chambers", organizations.children(node)
			.stream()
			.filter(child -> child.type() == OrganizationType.CHAMBER)
			.toList());
		List<ChamberKind> kinds = Arrays.asList(ChamberKind.values());
		model.addAttribute("chartLabels", json.writeValueAsString(
				kinds.stream().map(k -> messages.getMessage("chamberKind." + k, null, locale)).toList()));
		model.addAttribute("chartValues",
				json.writeValueAsString(kinds.stream().map(k -> figure.chambersByKind().getOrDefault(k, 0L)).toList()));
		return "organization/figures";
	}

	private static String link(Long orgId) {
		return "/figures/organizations?org=" + orgId;
	}

	@GetMapping("/organizations/panels/figures")
	String figuresPanel(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("figure", me.orgId() == null ? null : figures.of(me.orgId()));
		return "organization/panels :: figures";
	}

	@GetMapping("/organizations/panels/renewals-due")
	String renewalsPanel(Model model) {
		var due = new OrganizationFilter(null, null, null, null, null, true, null);
		model.addAttribute("due", organizations.search(due, PageRequest.of(0, PageSizes.PANEL)));
		model.addAttribute("today", LocalDate.now(clock));
		return "organization/panels :: renewals";
	}

}
