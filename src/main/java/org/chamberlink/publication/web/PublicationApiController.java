package org.chamberlink.publication.web;

import java.util.List;
import java.util.Map;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.publication.IssueView;
import org.chamberlink.publication.PublicationView;
import org.chamberlink.publication.Publications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publications of the caller's scope with their figures; issues and their distribution lists (a neighbour's answer 404). */
@RestController
@RequestMapping("/api/v1/publications")
@Tag(name = "publications", description = "会刊、通讯 / publications")
class PublicationApiController {

	private final Publications publications;

	PublicationApiController(Publications publications) {
		this.publications = publications;
	}

	@GetMapping
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The publications of the caller's subtree with issues, copies distributed and online readers")
	List<PublicationView> list() {
		return publications.list();
	}

	@GetMapping("/{id}/issues")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "A publication's issues, newest first, each with its print run, copies distributed and online readers")
	List<IssueView> issues(@PathVariable Long id) {
		return publications.issues(id);
	}

	@GetMapping("/issues/{issueId}/distribution")
	@PreAuthorize(RoleGroups.READERS)
	Map<Long, Integer> distribution(@PathVariable Long issueId) {
		return publications.distribution(issueId);
	}

	@PutMapping("/issues/{issueId}/distribution")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Sets the distribution list: organisation id to copies (the publisher and organisations below it; "
			+ "together not beyond the print run)")
	Map<Long, Integer> distribute(@PathVariable Long issueId, @RequestBody Map<Long, Integer> copies) {
		publications.distribute(issueId, copies);
		return publications.distribution(issueId);
	}

}
