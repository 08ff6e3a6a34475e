package org.chamberlink.member.web;

import io.swagger.v3.oas.annotations.Operation;
import org.chamberlink.member.PartyEmails;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A party's e-mail address through the API. */
@RestController
class PartyEmailApiController {

	record EmailChange(String email) {
	}

	private final PartyEmails emails;

	PartyEmailApiController(PartyEmails emails) {
		this.emails = emails;
	}

	@PutMapping("/api/v1/parties/{id}/email")
	@PreAuthorize(MemberApiController.EDITORS)
	@Operation(summary = "Set (or, blank, clear) the party's e-mail address for notices", tags = "members")
	ResponseEntity<EmailChange> put(@PathVariable Long id, @RequestBody EmailChange change) {
		emails.set(id, change.email());
		return ResponseEntity.ok(new EmailChange(emails.of(id).orElse(null)));
	}

}
