package org.chamberlink.benefit.web;

import java.time.LocalDate;

import org.chamberlink.benefit.BenefitFigures;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.FigureNode;
import org.chamberlink.organization.FigureNodes;
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

	private final FigureNodes nodes;

	BenefitFiguresController(BenefitFigures figures, Figures drillDown, FigureNodes nodes) {
		this.figures = figures;
		this.drillDown = drillDown;
		this.nodes = nodes;
	}

	@GetMapping("/figures/benefit")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		FigureNode at = nodes.resolve(org, me.orgId(), from, to);
		model.addAllAttributes(at.attributes());
		if (!at.choosingRoot()) {
			model.addAttribute("totals", figures.totals(at.id(), at.from(), at.to()));
			model.addAttribute("byMerchant", figures.byMerchant(at.id(), at.from(), at.to()));
			model.addAttribute("below", drillDown.table(at.id(), at.period(), at.drillDown("/figures/benefit"),
					"benefit.cardsValid", "benefit.merchants", "benefit.uses"));
		}
		return "benefit/figures";
	}

}
