package org.chamberlink.organization.web;

import org.chamberlink.identity.RoleGroups;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.chamberlink.organization.ChamberImport;
import org.chamberlink.organization.OrganizationFilter;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.XlsxWriter;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Excel export of the filtered list, the import template, the import and its error report. */
@Controller
class OrganizationExcelController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String REPORT = "chamberImportReport";

	private final Organizations organizations;

	private final ChamberImport chamberImport;

	private final MessageSource messages;

	OrganizationExcelController(Organizations organizations, ChamberImport chamberImport, MessageSource messages) {
		this.organizations = organizations;
		this.chamberImport = chamberImport;
		this.messages = messages;
	}

	@GetMapping("/organizations/export.xlsx")
	void export(OrganizationFilter filter, Locale locale, HttpServletResponse response)
			throws IOException {
		attachment(response, "organizations.xlsx");
		List<String> headers = List.of("organization.name", "organization.type", "organization.kind",
				"organization.regionCode", "organization.region", "organization.registered", "organization.party",
				"export.presidentTermEndsOn").stream().map(key -> text(key, locale)).toList();
		try (XlsxWriter xlsx = XlsxWriter.open(response.getOutputStream(), text("organization.list.title", locale),
				headers)) {
			organizations.forEach(filter, o -> xlsx.row(List.of(o.name(), text("orgType." + o.type(), locale),
					o.chamberKind() == null ? "" : text("chamberKind." + o.chamberKind(), locale), o.regionCode(),
					o.regionName(), text(o.registered() ? "yes" : "no", locale),
					text("party." + o.partyOrganisation(), locale),
					o.presidentTermEndsOn() == null ? "" : o.presidentTermEndsOn().toString())));
		}
	}

	@GetMapping("/organizations/import")
	@PreAuthorize(RoleGroups.FEDERATION)
	String importPage() {
		return "organization/import";
	}

	@GetMapping("/organizations/import/template.xlsx")
	void template(Locale locale, HttpServletResponse response) throws IOException {
		attachment(response, "chamber-import-template.xlsx");
		try (XlsxWriter xlsx = XlsxWriter.open(response.getOutputStream(), "商会", ChamberImport.HEADERS)) {
			xlsx.row(List.of("示例街道商会", "乡镇街道商会", "130102001", "123", "2018-06-01", "是", "51130102MJ0000001K", "党支部",
					""));
			// an out-of-town chamber of the county's people, sitting in Shenzhen (decision 31)
			xlsx.row(List.of("示例深圳长安商会", "异地商会", "440304", "123", "2020-09-01", "否", "", "无党组织", "130102"));
			xlsx.sheet("填写说明", List.of("列", "说明"));
			for (String line : text("import.templateHelp", locale).split("\\|")) {
				xlsx.row(List.of(line.split("：", 2)));
			}
		}
	}

	@PostMapping("/organizations/import")
	@PreAuthorize(RoleGroups.FEDERATION)
	String importChambers(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean goodRowsOnly, Locale locale, HttpSession session,
			Model model) throws IOException {
		session.removeAttribute(REPORT);
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", text("import.noFile", locale));
			return "organization/import";
		}
		try {
			ChamberImport.Result result = chamberImport.importChambers(file.getInputStream(), goodRowsOnly, locale);
			model.addAttribute("result", result);
			if (!result.errors().isEmpty()) {
				session.setAttribute(REPORT, report(result));
			}
		}
		catch (RuleViolationException e) {
			model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "organization/import";
	}

	@GetMapping("/organizations/import/report.xlsx")
	void report(HttpSession session, HttpServletResponse response) throws IOException {
		byte[] report = (byte[]) session.getAttribute(REPORT);
		if (report == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		attachment(response, "chamber-import-errors.xlsx");
		response.getOutputStream().write(report);
	}

	/** The uploaded rows with an error column, so the user fixes the file they know. */
	private static byte[] report(ChamberImport.Result result) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> headers = new ArrayList<>(ChamberImport.HEADERS);
		headers.add("错误");
		try (XlsxWriter xlsx = XlsxWriter.open(out, "商会", headers)) {
			for (int i = 0; i < result.rows().size(); i++) {
				int rowNumber = i + 2;
				List<Object> cells = new ArrayList<>(result.rows().get(i));
				cells.add(result.errors().stream().filter(e -> e.row() == rowNumber).map(ChamberImport.RowError::message)
					.findFirst().orElse(""));
				xlsx.row(cells);
			}
		}
		return out.toByteArray();
	}

	private static void attachment(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
