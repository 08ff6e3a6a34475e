package org.chamberlink.casework.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.CaseAttachments;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

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
 * A case's files: uploading one (for a mediation, perhaps its signed agreement), and downloading one
 * of a case the caller can see, always as an attachment (never rendered in the page).
 */
@Controller
class CaseAttachmentController {

	private final CaseAttachments attachments;

	private final CaseDetailPage page;

	CaseAttachmentController(CaseAttachments attachments, CaseDetailPage page) {
		this.attachments = attachments;
		this.page = page;
	}

	@PostMapping("/cases/{id}/attachments")
	@PreAuthorize(RoleGroups.WORKERS)
	String attach(@PathVariable Long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "ATTACHMENT") String purpose, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		try {
			attachments.attach(id, "AGREEMENT".equals(purpose), Uploads.of(file));
		}
		catch (RuleViolationException e) {
			return page.refused(id, "attach", e, locale, model, response, "purpose", purpose);
		}
		return page.done(id, "case.attached", redirect);
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
	@PreAuthorize(RoleGroups.READERS)
	ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long attachmentId) {
		CaseAttachments.Download file = attachments.download(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}

}
