package org.chamberlink.benefit.web;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.benefit.BenefitFigures;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Card figures of a node for a period (this year by default): cards, the drill-down, and uses per merchant. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class BenefitFiguresController {

	private final BenefitFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final Clock clock;

	BenefitFiguresController(BenefitFigures figures, Figures drillDown, Organizations organizations, Clock clock) {
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping("/figures/benefit")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "benefit/figures";
		}
		FigurePeriod period = FigurePeriod.of(from, to, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", figures.totals(node, period.from(), period.to()));
		model.addAttribute("byMerchant", figures.byMerchant(node, period.from(), period.to()));
		model.addAttribute("below", drillDown.table(node, period,
				id -> "/figures/benefit?org=" + id + "&from=" + period.from() + "&to=" + period.to(), "benefit.cardsValid",
				"benefit.merchants", "benefit.uses"));
		return "benefit/figures";
	}

}
