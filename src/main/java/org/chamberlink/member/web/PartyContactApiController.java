package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import io.swagger.v3.oas.annotations.Operation;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.member.PartyLeaders;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A party's e-mail address and a person's enterprises through the API. */
@RestController
class PartyContactApiController {

	record EmailChange(String email) {
	}

	/** The enterprise a person leads, by its credit code. */
	record LeadLink(String creditCode) {
	}

	private final PartyEmails emails;

	private final PartyLeaders leaders;

	PartyContactApiController(PartyEmails emails, PartyLeaders leaders) {
		this.emails = emails;
		this.leaders = leaders;
	}

	@PostMapping("/api/v1/parties/{id}/leads")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Link the person to an enterprise they lead, named by its credit code (both in your subtree)",
			tags = "members")
	ResponseEntity<Void> link(@PathVariable Long id, @RequestBody LeadLink link) {
		Long enterprise = leaders.link(id, link.creditCode());
		return ResponseEntity.created(java.net.URI.create("/api/v1/parties/" + enterprise)).build();
	}

	@DeleteMapping("/api/v1/parties/{id}/leads/{enterpriseId}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Remove the link between the person and an enterprise", tags = "members")
	ResponseEntity<Void> unlink(@PathVariable Long id, @PathVariable Long enterpriseId) {
		leaders.unlink(id, enterpriseId);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/parties/{id}/email")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Set (or, blank, clear) the party's e-mail address for notices", tags = "members")
	ResponseEntity<EmailChange> put(@PathVariable Long id, @RequestBody EmailChange change) {
		emails.set(id, change.email());
		return ResponseEntity.ok(new EmailChange(emails.of(id).orElse(null)));
	}

}
