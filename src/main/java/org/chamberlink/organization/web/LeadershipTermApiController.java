package org.chamberlink.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.EarlyEnd;
import org.chamberlink.organization.Leadership;
import org.chamberlink.organization.LeadershipTerm;
import org.chamberlink.organization.NewLeadershipTerm;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One leadership term: corrected when it was entered wrongly, ended when it ended before its time. */
@RestController
@RequestMapping("/api/v1/organizations/{id}/leadership/{termId}")
@Tag(name = "organizations")
@PreAuthorize(RoleGroups.WORKERS)
class LeadershipTermApiController {

	private final Leadership leadership;

	LeadershipTermApiController(Leadership leadership) {
		this.leadership = leadership;
	}

	@PutMapping
	@Operation(summary = "Correct a term entered wrongly (role, name, dates); the same rules as a new term")
	LeadershipTerm correct(@PathVariable Long id, @PathVariable Long termId, @Valid @RequestBody NewLeadershipTerm term) {
		return leadership.correct(id, termId, term);
	}

	@PostMapping("/end")
	@Operation(summary = "End a term before its planned end: the day it ended and why")
	LeadershipTerm end(@PathVariable Long id, @PathVariable Long termId, @RequestBody EarlyEnd end) {
		return leadership.endEarly(id, termId, end);
	}

}
