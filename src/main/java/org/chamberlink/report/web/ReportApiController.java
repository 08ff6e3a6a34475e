package org.chamberlink.report.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.report.BoardRow;
import org.chamberlink.report.CellKind;
import org.chamberlink.report.Finding;
import org.chamberlink.report.ReturnStep;
import org.chamberlink.report.ReturnView;
import org.chamberlink.report.StatisticalReturns;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statistical return over the API, as on the pages: refusals are problem details naming the cell (422). */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports", description = "统计年报：预填、交叉校验、逐级报送与汇总 / statistical returns: pre-fill, cross-checks, submission and consolidation")
class ReportApiController {

	record OpenInput(Integer year, LocalDate asOf) {
	}

	record CellsInput(Map<String, String> values, Map<String, String> reasons) {
	}

	record SubmitInput(Map<String, String> comments) {
	}

	record Reason(String reason) {
	}

	record DeadlineInput(LocalDate dueOn) {
	}

	record Cell(String key, String label, String unit, CellKind kind, boolean money, Long value, Long recorded, String reason,
			boolean adjusted, String text) {
	}

	record Table(String key, String title, List<Cell> cells) {
	}

	record Check(String key, String cell, String severity, String message, String comment) {
	}

	record ReturnDetail(Long id, ReturnView ret, List<Table> tables, List<Check> checks, List<ReturnStep> steps) {
	}

	private final StatisticalReturns returns;

	private final MessageSource messages;

	ReportApiController(StatisticalReturns returns, MessageSource messages) {
		this.returns = returns;
		this.messages = messages;
	}

	@GetMapping("/returns")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The progress board of an organisation (default: the caller's own) for a year: each organisation directly below and where its return stands")
	List<BoardRow> board(@RequestParam int year, @RequestParam(required = false) Long org,
			@AuthenticationPrincipal AccountPrincipal me) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			return List.of();
		}
		return returns.board(node, year);
	}

	@PostMapping("/returns")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Opens (or finds) the caller's own organisation's return for the year, pre-filled from the records as of the date (31 December unless given)")
	ResponseEntity<ReturnDetail> open(@RequestBody OpenInput input, Locale locale) {
		if (input.year() == null) {
			throw new RuleViolationException("year", "report.open.yearInvalid");
		}
		Long id = returns.open(input.year(), input.asOf());
		return ResponseEntity.created(URI.create("/api/v1/reports/returns/" + id)).body(detail(id, locale));
	}

	@PostMapping("/returns/below")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Opens, pre-filled as of the date, the return of every active organisation below the caller's own that has none for the year")
	Map<String, Object> prefillBelow(@RequestBody OpenInput input) {
		if (input.year() == null) {
			throw new RuleViolationException("year", "report.open.yearInvalid");
		}
		return Map.of("year", input.year(), "opened", returns.prefillBelow(input.year(), input.asOf()));
	}

	@GetMapping("/returns/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "A return: its tables and cells (value, what the records say, adjustment and reason), the cross-checks and the course")
	ReturnDetail get(@PathVariable Long id, Locale locale) {
		return detail(id, locale);
	}

	@PutMapping("/returns/{id}/cells")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Saves typed values (counts, or yuan for money) with the reasons of adjustments; refused, writing nothing, by a cross-check error")
	ReturnDetail save(@PathVariable Long id, @RequestBody CellsInput input, Locale locale) {
		returns.save(id, input.values() == null ? Map.of() : input.values(), input.reasons() == null ? Map.of() : input.reasons());
		return detail(id, locale);
	}

	@PostMapping("/returns/{id}/refresh")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Reads the records again (adjusted cells keep their value and reason)")
	ReturnDetail refresh(@PathVariable Long id, Locale locale) {
		returns.refresh(id, null);
		return detail(id, locale);
	}

	@PostMapping("/returns/{id}/submit")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Submits the return upward: typed cells filled, no cross-check error, every warning commented (by check key), before the deadline")
	ReturnDetail submit(@PathVariable Long id, @RequestBody(required = false) SubmitInput input, Locale locale) {
		returns.submit(id, input == null || input.comments() == null ? Map.of() : input.comments());
		return detail(id, locale);
	}

	@PostMapping("/returns/{id}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "The level directly above returns a submitted return with the reason")
	ReturnDetail returnForChanges(@PathVariable Long id, @RequestBody(required = false) Reason reason, Locale locale) {
		returns.returnForChanges(id, reason == null ? null : reason.reason());
		return detail(id, locale);
	}

	@PostMapping("/returns/{id}/accept")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "The level directly above accepts a submitted return: a locked snapshot from then on")
	ReturnDetail accept(@PathVariable Long id, Locale locale) {
		returns.accept(id);
		return detail(id, locale);
	}

	@PutMapping("/deadlines/{year}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Sets the deadline for the returns of the organisations directly below the caller's own")
	Map<String, Object> deadline(@PathVariable int year, @RequestBody(required = false) DeadlineInput input) {
		returns.setDeadline(year, input == null ? null : input.dueOn());
		return Map.of("year", year, "dueOn", input.dueOn());
	}

	private ReturnDetail detail(Long id, Locale locale) {
		ReturnView view = returns.get(id);
		ReturnRows rows = ReturnRows.of(returns.cells(id));
		List<Table> tables = new ArrayList<>();
		for (ReturnRows.Table table : rows.tables()) {
			tables.add(new Table(table.table().key(), messages.getMessage(table.table().titleKey(), null, locale),
					table.rows().stream().map(row -> new Cell(row.cell().key(), messages.getMessage(row.cell().labelKey(), null, locale),
							messages.getMessage(row.cell().unitKey(), null, locale), row.cell().kind(), row.cell().money(), row.value(),
							row.recorded(), row.reason(), row.adjusted(), row.valueText())).toList()));
		}
		List<Check> checks = new ArrayList<>();
		for (Finding finding : returns.findings(id)) {
			checks.add(new Check(finding.key(), finding.cell(), finding.error() ? "ERROR" : "WARNING",
					messages.getMessage(finding.messageKey(), finding.arguments(), locale), finding.comment()));
		}
		return new ReturnDetail(view.id(), view, tables, checks, returns.steps(id));
	}

}
