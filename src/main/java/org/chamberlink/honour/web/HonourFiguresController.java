package org.chamberlink.honour.web;

import java.time.LocalDate;

import org.chamberlink.honour.HonourFigures;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.FigureNode;
import org.chamberlink.organization.FigureNodes;

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

	private final FigureNodes nodes;

	HonourFiguresController(HonourFigures figures, FigureNodes nodes) {
		this.figures = figures;
		this.nodes = nodes;
	}

	@GetMapping("/figures/honours")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		FigureNode at = nodes.resolve(org, me.orgId(), from, to);
		model.addAllAttributes(at.attributes());
		if (!at.choosingRoot()) {
			model.addAttribute("totals", figures.totals(at.id(), at.from(), at.to()));
			model.addAttribute("byProgramme", figures.byProgramme(at.id(), at.from(), at.to()));
			model.addAttribute("below", figures.below(at.id(), at.from(), at.to()));
		}
		return "honour/figures";
	}

}
