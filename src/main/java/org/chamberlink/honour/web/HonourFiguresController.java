package org.chamberlink.honour.web;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.honour.HonourFigures;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Honour figures of a subtree and period: by programme and level, nominated against awarded, party-member members honoured; drill-down below. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class HonourFiguresController {

	private final HonourFigures figures;

	private final Organizations organizations;

	private final Clock clock;

	HonourFiguresController(HonourFigures figures, Organizations organizations, Clock clock) {
		this.figures = figures;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping("/figures/honours")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "honour/figures";
		}
		FigurePeriod period = FigurePeriod.of(from, to, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", figures.totals(node, period.from(), period.to()));
		model.addAttribute("byProgramme", figures.byProgramme(node, period.from(), period.to()));
		model.addAttribute("below", figures.below(node, period.from(), period.to()));
		return "honour/figures";
	}

}
