package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberExport;
import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.MemberImport;
import org.chamberlink.member.MemberJob;
import org.chamberlink.member.MemberJobs;
import org.chamberlink.member.MemberTemplate;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Import template, background import with progress, export of the filtered list, job files. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class MemberExcelController {

	private final MemberImport memberImport;

	private final MemberExport export;

	private final MemberJobs jobs;

	private final MemberTemplate template;

	private final MessageSource messages;

	MemberExcelController(MemberImport memberImport, MemberExport export, MemberJobs jobs, MemberTemplate template,
			MessageSource messages) {
		this.memberImport = memberImport;
		this.export = export;
		this.jobs = jobs;
		this.template = template;
		this.messages = messages;
	}

	@GetMapping("/members/import")
	String importPage(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long orgId,
			Model model) {
		model.addAttribute("orgId", orgId != null ? orgId : me.orgId());
		model.addAttribute("jobs", jobs.recent());
		return "member/import";
	}

	@PostMapping("/members/import")
	String upload(@RequestParam(required = false) Long orgId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean importGoodRows, Locale locale, RedirectAttributes redirect)
			throws IOException {
		if (orgId == null) {
			redirect.addFlashAttribute("importError", messages.getMessage("member.orgRequired", null, locale));
			return "redirect:/members/import";
		}
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("importError", messages.getMessage("import.noFile", null, locale));
			return "redirect:/members/import?orgId=" + orgId;
		}
		try {
			Long job = memberImport.submit(orgId, org.chamberlink.web.UploadNames.clean(file.getOriginalFilename()), file.getBytes(), importGoodRows, locale);
			return "redirect:/members/jobs/" + job;
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("importError", messages.getMessage(e.messageKey(), e.arguments(), locale));
			return "redirect:/members/import?orgId=" + orgId;
		}
	}

	@GetMapping("/members/import/template.xlsx")
	void template(HttpServletResponse response) throws IOException {
		attachment(response, "会员导入模板.xlsx");
		template.write(response.getOutputStream());
	}

	@GetMapping("/members/jobs/{id}")
	String job(@PathVariable Long id, Model model) {
		model.addAttribute("job", jobs.get(id));
		return "member/job";
	}

	/** The progress card alone, polled by htmx until the job is finished. */
	@GetMapping("/members/jobs/{id}/progress")
	String progress(@PathVariable Long id, Model model) {
		model.addAttribute("job", jobs.get(id));
		return "member/job :: progress";
	}

	@GetMapping("/members/jobs/{id}/file")
	void file(@PathVariable Long id, HttpServletResponse response) throws IOException {
		MemberJob job = jobs.get(id);
		byte[] file = jobs.result(id).orElseThrow(() -> new RecordNotFoundException("MemberJob file", id));
		attachment(response, job.resultName());
		response.getOutputStream().write(file);
	}

	@GetMapping("/members/export")
	String export(MemberFilter filter, Locale locale, HttpServletResponse response) throws IOException {
		if (export.count(filter) <= MemberExport.DIRECT_LIMIT) {
			attachment(response, MemberExport.FILE_NAME);
			export.write(filter, response.getOutputStream(), locale);
			return null;
		}
		return "redirect:/members/jobs/" + export.submit(filter, locale);
	}

	static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
	}

}
