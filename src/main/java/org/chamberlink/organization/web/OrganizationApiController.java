package org.chamberlink.organization.web;

import org.chamberlink.identity.RoleGroups;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.chamberlink.audit.AuditFilter;
import org.chamberlink.audit.AuditRecord;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.Leadership;
import org.chamberlink.organization.LeadershipTerm;
import org.chamberlink.organization.NewLeadershipTerm;
import org.chamberlink.organization.NewOrganization;
import org.chamberlink.organization.OrganizationChanges;
import org.chamberlink.organization.OrganizationDissolution;
import org.chamberlink.organization.OrganizationDetails;
import org.chamberlink.organization.OrganizationFigures;
import org.chamberlink.organization.OrganizationFilter;
import org.chamberlink.organization.OrganizationManagement;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organisations within the caller's data scope; anything outside it answers 404. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "organizations", description = "工商联、个私协、基层商会 / the organisation tree")
class OrganizationApiController {


	private final Organizations organizations;

	private final OrganizationManagement management;

	private final OrganizationDissolution dissolution;

	private final OrganizationFigures figures;

	private final Leadership leadership;

	private final AuditTrail audit;

	OrganizationApiController(Organizations organizations, OrganizationManagement management,
			OrganizationDissolution dissolution, OrganizationFigures figures, Leadership leadership, AuditTrail audit) {
		this.organizations = organizations;
		this.management = management;
		this.dissolution = dissolution;
		this.figures = figures;
		this.leadership = leadership;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Organisations in your subtree, in tree order, filtered and paged")
	Page<OrganizationSummary> list(@ParameterObject OrganizationFilter filter, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return organizations.search(filter, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One organisation of your subtree, the whole record")
	OrganizationDetails organization(@PathVariable Long id) {
		return organizations.details(id);
	}

	@PostMapping
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Register a federation, association or chamber below one of your organisations")
	ResponseEntity<OrganizationSummary> create(@Valid @RequestBody NewOrganization request) {
		OrganizationSummary created = management.create(request);
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Change a record; send the version you read (a concurrent change is refused)")
	OrganizationDetails update(@PathVariable Long id, @Valid @RequestBody OrganizationChanges changes) {
		return management.update(id, changes);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Dissolve (注销) an organisation: a status change, its record and history stay")
	OrganizationSummary dissolve(@PathVariable Long id) {
		return dissolution.dissolve(id);
	}

	@GetMapping("/{id}/figures")
	@Operation(summary = "Chambers by kind, township-chamber coverage, registration and party coverage")
	OrganizationFigures.Figures figures(@PathVariable Long id) {
		return figures.of(id);
	}

	@GetMapping("/{id}/figures/below")
	@Operation(summary = "The same figures for each federation or association directly below (drill-down)")
	List<OrganizationFigures.Figures> figuresBelow(@PathVariable Long id) {
		return figures.below(id);
	}

	@GetMapping("/{id}/leadership")
	@Operation(summary = "Leadership terms, newest first")
	List<LeadershipTerm> leadership(@PathVariable Long id) {
		return leadership.of(id);
	}

	@PostMapping("/{id}/leadership")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Record a leadership term (a new president's term sets the next renewal date)")
	ResponseEntity<LeadershipTerm> addTerm(@PathVariable Long id, @Valid @RequestBody NewLeadershipTerm term) {
		return ResponseEntity.status(201).body(leadership.add(id, term));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every change to this record, newest first")
	Page<AuditRecord> history(@PathVariable Long id, @RequestParam(defaultValue = "0") int page) {
		organizations.get(id);
		return audit.search(new AuditFilter(null, null, "Organization", id.toString(), null, null),
				PageRequest.of(Math.max(page, 0), 50));
	}

}
