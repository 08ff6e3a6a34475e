package org.chamberlink.casework.web;

import org.chamberlink.identity.RoleGroups;
import java.nio.charset.StandardCharsets;

import org.chamberlink.casework.CaseAttachments;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Downloads a file of a case the caller can see, always as an attachment (never rendered in the page). */
@Controller
class CaseAttachmentController {

	private final CaseAttachments attachments;

	CaseAttachmentController(CaseAttachments attachments) {
		this.attachments = attachments;
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
