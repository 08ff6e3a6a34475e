package org.chamberlink.report.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.report.NarrativeSection;
import org.chamberlink.report.ReturnView;
import org.chamberlink.report.StatisticalReturns;
import org.chamberlink.report.WorkReports;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual work report's pages (decision 52): the sections a return's organisation writes, the
 * report as .docx and PDF; the templates per level, which the system administrator downloads,
 * replaces with an edited .docx, or resets to the default.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class WorkReportPageController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final WorkReports reports;

	private final StatisticalReturns returns;

	private final MessageSource messages;

	WorkReportPageController(WorkReports reports, StatisticalReturns returns, MessageSource messages) {
		this.reports = reports;
		this.returns = returns;
		this.messages = messages;
	}

	/** A section as the form shows it. */
	record SectionRow(NarrativeSection section, String text) {
	}

	@GetMapping("/reports/returns/{id}/work-report")
	String show(@PathVariable Long id, Model model) {
		ReturnView view = returns.get(id);
		model.addAttribute("ret", view);
		model.addAttribute("owns", returns.owns(view));
		List<SectionRow> sections = new ArrayList<>();
		reports.narratives(id).forEach((section, text) -> sections.add(new SectionRow(section, text)));
		model.addAttribute("sections", sections);
		return "report/work-report";
	}

	@PostMapping("/reports/returns/{id}/work-report")
	@PreAuthorize(RoleGroups.WORKERS)
	String save(@PathVariable Long id, @RequestParam Map<String, String> params, Locale locale, Model model,
			RedirectAttributes redirect) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (NarrativeSection section : NarrativeSection.values()) {
			if (params.containsKey(section.placeholder())) {
				texts.put(section.placeholder(), params.get(section.placeholder()));
			}
		}
		try {
			reports.saveNarratives(id, texts);
			redirect.addFlashAttribute("success", "report.sections.saved");
			return "redirect:/reports/returns/" + id + "/work-report";
		}
		catch (RuleViolationException e) {
			List<String> pairs = new ArrayList<>();
			texts.forEach((name, value) -> {
				pairs.add(name);
				pairs.add(value);
			});
			model.addAttribute("refusal", RowRefusal.of("sections", null, e, messages, locale, pairs.toArray(String[]::new)));
			return show(id, model);
		}
	}

	@GetMapping("/reports/returns/{id}/work-report/docx")
	ResponseEntity<byte[]> docx(@PathVariable Long id, Locale locale) {
		ReturnView view = returns.get(id);
		return file(reports.docx(id, locale), view.orgName() + "-" + view.year() + "-年度工作报告.docx", DOCX);
	}

	@GetMapping("/reports/returns/{id}/work-report/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
		ReturnView view = returns.get(id);
		return file(reports.pdf(id, locale), view.orgName() + "-" + view.year() + "-年度工作报告.pdf", MediaType.APPLICATION_PDF);
	}

	// ---- templates (system administrator) ----

	@GetMapping("/reports/templates")
	@PreAuthorize(RoleGroups.SYSTEM)
	String templates(Model model) {
		model.addAttribute("templates", WorkReports.LEVELS.stream().map(reports::template).toList());
		return "report/templates";
	}

	@GetMapping("/reports/templates/{level}/docx")
	@PreAuthorize(RoleGroups.SYSTEM)
	ResponseEntity<byte[]> template(@PathVariable String level) {
		if (!WorkReports.LEVELS.contains(level)) {
			throw new RecordNotFoundException("ReportTemplate", level);
		}
		WorkReports.Template template = reports.template(level);
		return file(template.content(), template.replaced() ? template.fileName() : "年度工作报告模板-" + level + ".docx", DOCX);
	}

	@PostMapping("/reports/templates/{level}")
	@PreAuthorize(RoleGroups.SYSTEM)
	String replace(@PathVariable String level, @RequestParam(required = false) MultipartFile file, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		if (!WorkReports.LEVELS.contains(level)) {
			throw new RecordNotFoundException("ReportTemplate", level);
		}
		try {
			reports.replaceTemplate(level, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
			redirect.addFlashAttribute("success", "report.template.replaced");
			return "redirect:/reports/templates";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("template-" + level, null, e, messages, locale));
			return templates(model);
		}
	}

	@PostMapping("/reports/templates/{level}/reset")
	@PreAuthorize(RoleGroups.SYSTEM)
	String reset(@PathVariable String level, RedirectAttributes redirect) {
		if (!WorkReports.LEVELS.contains(level)) {
			throw new RecordNotFoundException("ReportTemplate", level);
		}
		reports.resetTemplate(level);
		redirect.addFlashAttribute("success", "report.template.reset");
		return "redirect:/reports/templates";
	}

	private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(body);
	}

}
