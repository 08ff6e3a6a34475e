package org.chamberlink.casework.web;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.casework.CaseFigures;
import org.chamberlink.casework.CaseTotals;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Casework figures of a subtree for a period, and their drill-down, for reports upward. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "需求、维权投诉、商会调解 / needs, complaints, mediation")
class CaseFiguresApiController {

	/** Figures of a node with its categories. */
	record Figures(CaseTotals totals, List<CaseFigures.CategoryCount> categories, LocalDate from, LocalDate to) {
	}

	private final CaseFigures figures;

	private final Clock clock;

	CaseFiguresApiController(CaseFigures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/organizations/{id}/case-figures")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Casework figures of the organisation's subtree for cases filed from..to (default: this year)")
	Figures figures(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Period period = Period.of(from, to, LocalDate.now(clock));
		return new Figures(figures.totals(id, period.from(), period.to()),
				figures.byCategory(id, period.from(), period.to()), period.from(), period.to());
	}

	@GetMapping("/organizations/{id}/case-figures/below")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The same figures for each organisation directly below (drill-down)")
	List<CaseTotals> below(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Period period = Period.of(from, to, LocalDate.now(clock));
		return figures.below(id, period.from(), period.to());
	}

}
