package org.chamberlink.report.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.report.Finding;
import org.chamberlink.report.ReturnCell;
import org.chamberlink.report.ReturnDefinition;
import org.chamberlink.report.ReturnStatus;
import org.chamberlink.report.ReturnView;
import org.chamberlink.report.StatisticalReturns;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The statistical return's pages: a level's own return and the progress board of those directly
 * below; a return's tables with every cell pre-filled, typed or computed, the records behind each,
 * its cross-checks and course; the steps of its organisation and of the level above; the workbook.
 * A refused step draws its page again with the message on the cell and everything typed (422).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class ReportPageController {

	private final StatisticalReturns returns;

	private final Figures figures;

	private final ReturnWorkbook workbook;

	private final ReturnPdf pdf;

	private final MessageSource messages;

	ReportPageController(StatisticalReturns returns, Figures figures, ReturnWorkbook workbook, ReturnPdf pdf,
			MessageSource messages) {
		this.pdf = pdf;
		this.returns = returns;
		this.figures = figures;
		this.workbook = workbook;
		this.messages = messages;
	}

	@GetMapping("/reports")
	String list(@RequestParam(required = false) Integer year, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		int shown = year == null || year < 2000 || year > returns.today().getYear() ? defaultYear() : year;
		model.addAttribute("year", shown);
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(returns.today().getYear() - 4, returns.today().getYear())
			.boxed().sorted(java.util.Comparator.reverseOrder()).toList());
		model.addAttribute("orgId", me.orgId());
		if (me.orgId() != null) {
			model.addAttribute("own", returns.find(me.orgId(), shown).orElse(null));
			model.addAttribute("board", returns.board(me.orgId(), shown));
			model.addAttribute("deadline", returns.deadline(me.orgId(), shown).orElse(null));
		}
		else {
			model.addAttribute("board", List.of());
		}
		if (!model.containsAttribute("asOf")) {
			model.addAttribute("asOf", LocalDate.of(shown, 12, 31).isAfter(returns.today()) ? returns.today() : LocalDate.of(shown, 12, 31));
		}
		return "report/list";
	}

	/** Until the end of March the return asked for is last year's; then this year's. */
	private int defaultYear() {
		LocalDate today = returns.today();
		return today.getMonthValue() <= 3 ? today.getYear() - 1 : today.getYear();
	}

	@PostMapping("/reports/returns")
	@PreAuthorize(RoleGroups.WORKERS)
	String open(@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		try {
			LocalDate date = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
			return "redirect:/reports/returns/" + returns.open(year == null ? defaultYear() : year, date);
		}
		catch (java.time.format.DateTimeParseException e) {
			model.addAttribute("refusal", RowRefusal.of("open", null, new RuleViolationException("asOf", "report.open.asOfOutsideYear",
					String.valueOf(year)), messages, locale, "asOf", asOf));
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("open", null, e, messages, locale, "asOf", asOf));
		}
		model.addAttribute("asOf", asOf);
		return list(year, me, model);
	}

	@PostMapping("/reports/deadlines")
	@PreAuthorize(RoleGroups.WORKERS)
	String deadline(@RequestParam(required = false) Integer year, @RequestParam(required = false) String dueOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		int shown = year == null ? defaultYear() : year;
		try {
			LocalDate date = dueOn == null || dueOn.isBlank() ? null : LocalDate.parse(dueOn.strip());
			returns.setDeadline(shown, date);
			redirect.addFlashAttribute("success", "report.deadline.saved");
			return "redirect:/reports?year=" + shown;
		}
		catch (java.time.format.DateTimeParseException e) {
			model.addAttribute("refusal", RowRefusal.of("deadline", null, new RuleViolationException("dueOn", "report.deadline.required"),
					messages, locale, "dueOn", dueOn));
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("deadline", null, e, messages, locale, "dueOn", dueOn));
		}
		return list(shown, me, model);
	}

	/**
	 * A level opens, pre-filled as of the date, the year's returns of every organisation below it that
	 * has none yet (decision 52); the page says how many it opened.
	 */
	@PostMapping("/reports/returns/below")
	@PreAuthorize(RoleGroups.WORKERS)
	String prefillBelow(@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		int shown = year == null ? defaultYear() : year;
		try {
			LocalDate date = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
			redirect.addFlashAttribute("prefilled", returns.prefillBelow(shown, date));
			return "redirect:/reports?year=" + shown;
		}
		catch (java.time.format.DateTimeParseException e) {
			model.addAttribute("refusal", RowRefusal.of("below", null, new RuleViolationException("asOf", "report.open.asOfOutsideYear",
					Integer.toString(shown)), messages, locale, "asOf", asOf));
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("below", null, e, messages, locale, "asOf", asOf));
		}
		return list(shown, me, model);
	}

	// ---- one return ----

	/** A failed cross-check with its message in the page's language. */
	record FindingRow(Finding finding, String text) {
	}

	@GetMapping("/reports/returns/{id}")
	String show(@PathVariable Long id, Model model) {
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		ReturnView view = returns.get(id);
		model.addAttribute("ret", view);
		model.addAttribute("rows", ReturnRows.of(returns.cells(id)));
		List<Finding> findings = returns.findings(id);
		model.addAttribute("findings", findings.stream()
			.map(f -> new FindingRow(f, messages.getMessage(f.messageKey(), f.arguments(), locale)))
			.toList());
		model.addAttribute("warnings", findings.stream().filter(f -> !f.error()).map(f -> new FindingRow(f,
				messages.getMessage(f.messageKey(), f.arguments(), locale))).toList());
		model.addAttribute("steps", returns.steps(id));
		model.addAttribute("owns", returns.owns(view));
		model.addAttribute("reviews", returns.reviews(view));
		model.addAttribute("deadline", returns.deadline(view.parentId(), view.year()).orElse(null));
		model.addAttribute("consolidating", !returns.board(view.orgId(), view.year()).isEmpty());
		model.addAttribute("editable", view.status().editable());
		model.addAttribute("submitted", view.status() == ReturnStatus.SUBMITTED);
		model.addAttribute("locked", view.status() == ReturnStatus.ACCEPTED);
		return "report/return";
	}

	@PostMapping("/reports/returns/{id}/cells")
	@PreAuthorize(RoleGroups.WORKERS)
	String save(@PathVariable Long id, @RequestParam Map<String, String> params, Locale locale, Model model,
			RedirectAttributes redirect) {
		Map<String, String> typed = new HashMap<>();
		Map<String, String> reasons = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("cell.")) {
				typed.put(name.substring(5), value);
			}
			else if (name.startsWith("reason.")) {
				reasons.put(name.substring(7), value);
			}
		});
		try {
			returns.save(id, typed, reasons);
			redirect.addFlashAttribute("success", "report.saved");
			return "redirect:/reports/returns/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("cells", null, e, messages, locale, pairs(params, "cell.", "reason.")));
			return show(id, model);
		}
	}

	@PostMapping("/reports/returns/{id}/refresh")
	@PreAuthorize(RoleGroups.WORKERS)
	String refresh(@PathVariable Long id, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			returns.refresh(id, null);
			redirect.addFlashAttribute("success", "report.refreshed");
			return "redirect:/reports/returns/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("cells", null, e, messages, locale));
			return show(id, model);
		}
	}

	@PostMapping("/reports/returns/{id}/submit")
	@PreAuthorize(RoleGroups.WORKERS)
	String submit(@PathVariable Long id, @RequestParam Map<String, String> params, Locale locale, Model model,
			RedirectAttributes redirect) {
		Map<String, String> comments = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("comment.")) {
				comments.put(name.substring(8), value);
			}
		});
		try {
			returns.submit(id, comments);
			redirect.addFlashAttribute("success", "report.submitted");
			return "redirect:/reports/returns/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("submit", null, e, messages, locale, pairs(params, "comment.")));
			return show(id, model);
		}
	}

	@PostMapping("/reports/returns/{id}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	String returnForChanges(@PathVariable Long id, @RequestParam(required = false) String reason, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			returns.returnForChanges(id, reason);
			redirect.addFlashAttribute("success", "report.returned");
			return "redirect:/reports/returns/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("review", null, e, messages, locale, "reason", reason));
			return show(id, model);
		}
	}

	@PostMapping("/reports/returns/{id}/accept")
	@PreAuthorize(RoleGroups.WORKERS)
	String accept(@PathVariable Long id, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			returns.accept(id);
			redirect.addFlashAttribute("success", "report.accepted");
			return "redirect:/reports/returns/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("review", null, e, messages, locale));
			return show(id, model);
		}
	}

	/** The records behind a cell: the figure's drill-down and the accepted returns below it. */
	@GetMapping("/reports/returns/{id}/cells/{key}")
	String behind(@PathVariable Long id, @PathVariable String key, Model model) {
		ReturnView view = returns.get(id);
		ReturnCell cell = ReturnDefinition.cell(key);
		if (cell == null || cell.rate()) {
			throw new RecordNotFoundException("ReturnCell", key);
		}
		model.addAttribute("ret", view);
		model.addAttribute("cell", cell);
		model.addAttribute("stored", returns.cells(id).get(key));
		if (cell.prefilled()) {
			FigurePeriod period = new FigurePeriod(LocalDate.of(view.year(), 1, 1), view.asOf());
			model.addAttribute("figure", figures.figure(cell.figure(), view.orgId(), period));
			String page = cell.figuresPage() + "?org=" + view.orgId()
					+ (cell.figuresPage().endsWith("/dues") || cell.figuresPage().endsWith("/evaluations") ? "&year=" + view.year()
							: "&from=" + period.from() + "&to=" + period.to());
			model.addAttribute("modulePage", page);
		}
		model.addAttribute("below", returns.acceptedBelow(id, key));
		return "report/behind";
	}

	/** Two accepted snapshots side by side (by default this one against the same organisation's year before). */
	@GetMapping("/reports/returns/{id}/compare")
	String compare(@PathVariable Long id, @RequestParam(required = false) Long with, Locale locale, Model model) {
		ReturnView view = returns.get(id);
		model.addAttribute("ret", view);
		try {
			model.addAttribute("comparison", returns.compare(id, with));
		}
		catch (RuleViolationException e) {
			model.addAttribute("comparison", List.of());
			model.addAttribute("notice", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "report/compare";
	}

	@GetMapping("/reports/returns/{id}/workbook")
	ResponseEntity<byte[]> export(@PathVariable Long id, Locale locale) {
		ReturnView view = returns.get(id);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(view, ReturnRows.of(returns.cells(id)), locale, out);
		String name = view.orgName() + "-" + view.year() + "-统计年报.xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(out.toByteArray());
	}

	@GetMapping("/reports/returns/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
		ReturnView view = returns.get(id);
		byte[] body = pdf.render(view, ReturnRows.of(returns.cells(id)), locale);
		String name = view.orgName() + "-" + view.year() + "-统计年报.pdf";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(body);
	}

	private static String[] pairs(Map<String, String> params, String... prefixes) {
		List<String> pairs = new ArrayList<>();
		params.forEach((name, value) -> {
			for (String prefix : prefixes) {
				if (name.startsWith(prefix)) {
					pairs.add(name);
					pairs.add(value);
				}
			}
		});
		return pairs.toArray(String[]::new);
	}

}
