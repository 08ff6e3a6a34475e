package org.chamberlink.organization.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.NewOrganization;
import org.chamberlink.organization.OrganizationFigures;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organisations within the caller's data scope; anything outside it answers 404. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "organizations", description = "工商联、个私协、基层商会 / the organisation tree")
class OrganizationApiController {

	static final int PAGE_SIZE = 50;

	private final Organizations organizations;

	private final OrganizationFigures figures;

	OrganizationApiController(Organizations organizations, OrganizationFigures figures) {
		this.organizations = organizations;
		this.figures = figures;
	}

	@GetMapping
	@Operation(summary = "Organisations in your subtree, in tree order, optionally of one type or chamber kind")
	List<OrganizationSummary> list(@RequestParam(required = false) OrganizationType type,
			@RequestParam(required = false) ChamberKind kind, @RequestParam(defaultValue = "0") int page) {
		return organizations.list(type, kind, PAGE_SIZE, (long) Math.max(page, 0) * PAGE_SIZE);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One organisation of your subtree")
	OrganizationSummary organization(@PathVariable Long id) {
		return organizations.get(id);
	}

	@GetMapping("/{id}/figures")
	@Operation(summary = "Chambers by kind, township-chamber coverage, registration and party coverage")
	OrganizationFigures.Figures figures(@PathVariable Long id) {
		return figures.of(id);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN')")
	@Operation(summary = "Register a federation, association or chamber below one of your organisations")
	ResponseEntity<OrganizationSummary> create(@Valid @RequestBody NewOrganization request) {
		OrganizationSummary created = organizations.create(request);
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id())).body(created);
	}

}
