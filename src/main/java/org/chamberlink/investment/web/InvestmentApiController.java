package org.chamberlink.investment.web;

import java.net.URI;
import java.util.List;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.investment.InvestmentProjects;
import org.chamberlink.investment.InvestmentProjects.Document;
import org.chamberlink.investment.InvestmentProjects.MoveForm;
import org.chamberlink.investment.InvestmentProjects.Project;
import org.chamberlink.investment.InvestmentProjects.ProjectForm;
import org.chamberlink.investment.InvestmentProjects.StageStep;
import org.chamberlink.investment.InvestmentStage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The investment API (/api/v1/investment): projects, their stage moves (one step forward, dated),
 * amounts, stage history and documents. Out-of-scope ids answer 404 like unknown ones; refused input
 * answers 422 with the field. Figures: /api/v1/figures/investment.*.
 */
@RestController
@RequestMapping("/api/v1/investment")
@PreAuthorize(RoleGroups.READERS)
@Tag(name = "investment", description = "招商引资项目 / investment projects")
class InvestmentApiController {

	private final InvestmentProjects projects;

	InvestmentApiController(InvestmentProjects projects) {
		this.projects = projects;
	}

	@GetMapping("/projects")
	List<Project> list(@RequestParam(required = false) InvestmentStage stage) {
		return projects.list(stage);
	}

	@GetMapping("/projects/{id}")
	Project get(@PathVariable Long id) {
		return projects.get(id);
	}

	@PostMapping("/projects")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Records a project as a lead: orgId, name, industryCode, investorPartyId or investorName, originCode, planned, "
			+ "contracted, invested (yuan), leadOn")
	ResponseEntity<Project> create(@RequestBody ProjectForm form) {
		Long id = projects.create(form);
		return ResponseEntity.created(URI.create("/api/v1/investment/projects/" + id)).body(projects.get(id));
	}

	@PostMapping("/projects/{id}/stage")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Moves the project to the next stage: stage (must be the next one), movedOn, note, contracted, invested")
	Project move(@PathVariable Long id, @RequestBody MoveForm form) {
		projects.move(id, form);
		return projects.get(id);
	}

	record Amounts(String contracted, String invested) {
	}

	@PutMapping("/projects/{id}/amounts")
	@PreAuthorize(RoleGroups.WORKERS)
	Project amounts(@PathVariable Long id, @RequestBody Amounts body) {
		projects.amounts(id, body.contracted(), body.invested());
		return projects.get(id);
	}

	@GetMapping("/projects/{id}/history")
	List<StageStep> history(@PathVariable Long id) {
		return projects.history(id);
	}

	@GetMapping("/projects/{id}/documents")
	List<Document> documents(@PathVariable Long id) {
		return projects.documents(id);
	}

}
