package org.chamberlink.proposal.web;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.proposal.ProposalFigures;
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

/** Proposal figures of a node for a period (this year by default): totals, by topic and outcome, and the drill-down. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class ProposalFiguresController {

	private final ProposalFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final Clock clock;

	ProposalFiguresController(ProposalFigures figures, Figures drillDown, Organizations organizations, Clock clock) {
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping("/figures/proposals")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "proposal/figures";
		}
		FigurePeriod period = FigurePeriod.of(from, to, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", figures.totals(node, period.from(), period.to()));
		model.addAttribute("topics", figures.byTopic(node, period.from(), period.to()));
		model.addAttribute("below", drillDown.table(node, period,
				id -> "/figures/proposals?org=" + id + "&from=" + period.from() + "&to=" + period.to(), "proposal.suggestions",
				"proposal.proposals", "proposal.answered", "proposal.adopted", "proposal.instructed", "proposal.adoption"));
		return "proposal/figures";
	}

}
