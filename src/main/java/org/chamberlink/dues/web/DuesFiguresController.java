package org.chamberlink.dues.web;

import org.chamberlink.identity.RoleGroups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.chamberlink.dues.DuesCollection;
import org.chamberlink.dues.DuesFigures;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureTable;
import org.chamberlink.shared.figures.Figures;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Dues collection for any node of the caller's subtree and a year, with drill-down and a chart; same from the API. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class DuesFiguresController {

	private final DuesFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final java.time.Clock clock;

	DuesFiguresController(DuesFigures figures, Figures drillDown, Organizations organizations, MessageSource messages,
			JsonMapper json, java.time.Clock clock) {
		this.clock = clock;
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/figures/dues")
	String page(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "dues/figures";
		}
		int y = year != null ? year : LocalDate.now(clock).getYear();
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("year", y);
		model.addAttribute("collection", figures.collection(node, y));
		FigureTable table = drillDown.table(node, FigurePeriod.of(null, LocalDate.of(y, 12, 31), LocalDate.now(clock)),
				id -> "/figures/dues?org=" + id + "&year=" + y, "dues.amountRate", "dues.billRate", "dues.overdueBills",
				"dues.billedFen", "dues.paidFen");
		model.addAttribute("table", table);
		String own = messages.getMessage("figureTable.ownLevel", null, locale);
		model.addAttribute("chartLabels", json.writeValueAsString(table.rows().stream()
			.map(row -> row.own() ? own : row.orgName()).toList()));
		model.addAttribute("chartValues", json.writeValueAsString(table.rows().stream()
			.map(row -> row.cells().get(0).value().value() == null ? BigDecimal.ZERO : row.cells().get(0).value().value())
			.toList()));
		return "dues/figures";
	}

	@GetMapping("/api/v1/organizations/{id}/dues-collection")
	@ResponseBody
	@Operation(summary = "Dues collection of the organisation and everything below it for a year: amountRate = paid ÷ billed, billRate = settled bills ÷ bills",
			tags = "dues")
	DuesCollection collection(@PathVariable Long id, @RequestParam Integer year) {
		return figures.collection(id, year);
	}

	@GetMapping("/api/v1/organizations/{id}/dues-collection/below")
	@ResponseBody
	@Operation(summary = "The same for each organisation directly below (drill-down); a row without id is the node's own bills",
			tags = "dues")
	List<DuesCollection> below(@PathVariable Long id, @RequestParam Integer year) {
		return figures.below(id, year);
	}

}
