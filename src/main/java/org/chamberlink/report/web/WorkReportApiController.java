package org.chamberlink.report.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.report.ReturnView;
import org.chamberlink.report.StatisticalReturns;
import org.chamberlink.report.WorkReports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The annual work report over the API (decision 52): its written sections, and the report as .docx or PDF. */
@RestController
@RequestMapping("/api/v1/reports/returns/{id}")
@Tag(name = "reports")
@PreAuthorize(RoleGroups.READERS)
class WorkReportApiController {

	private final WorkReports reports;

	private final StatisticalReturns returns;

	WorkReportApiController(WorkReports reports, StatisticalReturns returns) {
		this.reports = reports;
		this.returns = returns;
	}

	@GetMapping("/sections")
	@Operation(summary = "The annual work report's written sections (achievements, experience, problems, nextGoals)")
	Map<String, String> sections(@PathVariable Long id) {
		Map<String, String> texts = new LinkedHashMap<>();
		reports.narratives(id).forEach((section, text) -> texts.put(section.placeholder(), text));
		return texts;
	}

	@PutMapping("/sections")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Saves sections of the annual work report (the return's own organisation; blank empties one)")
	Map<String, String> save(@PathVariable Long id, @RequestBody(required = false) Map<String, Object> body) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (body != null) {
			// a section is text; anything else (a number, a list) is its text as written, refused if not a section
			body.forEach((name, value) -> texts.put(name, value == null ? null : value.toString()));
		}
		reports.saveNarratives(id, texts);
		return sections(id);
	}

	@GetMapping("/work-report/docx")
	@Operation(summary = "The annual work report as Word (.docx): the level's template filled with the return's stored figures, charts and sections")
	ResponseEntity<byte[]> docx(@PathVariable Long id, Locale locale) {
		ReturnView view = returns.get(id);
		return file(reports.docx(id, locale), view.orgName() + "-" + view.year() + "-年度工作报告.docx", WorkReportPageController.DOCX);
	}

	@GetMapping("/work-report/pdf")
	@Operation(summary = "The same annual work report as PDF")
	ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
		ReturnView view = returns.get(id);
		return file(reports.pdf(id, locale), view.orgName() + "-" + view.year() + "-年度工作报告.pdf", MediaType.APPLICATION_PDF);
	}

	private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(body);
	}

}
