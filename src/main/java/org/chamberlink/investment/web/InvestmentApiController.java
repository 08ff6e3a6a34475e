package org.chamberlink.investment.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.investment.InvestmentProjects;
import org.chamberlink.investment.InvestmentProjects.Document;
import org.chamberlink.investment.InvestmentProjects.MoveForm;
import org.chamberlink.investment.InvestmentProjects.Project;
import org.chamberlink.investment.InvestmentProjects.ProjectForm;
import org.chamberlink.investment.InvestmentProjects.StageStep;
import org.chamberlink.investment.InvestmentStage;
import org.chamberlink.web.UploadNames;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

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

	@PostMapping(path = "/projects/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Attaches a document (multipart field file, at most 10 MB); answers 201 with the project's documents")
	ResponseEntity<List<Document>> attach(@PathVariable Long id, @RequestParam(name = "file", required = false) MultipartFile file)
			throws IOException {
		Long documentId = projects.attach(id, file == null ? null : UploadNames.clean(file.getOriginalFilename()),
				file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/investment/projects/" + id + "/documents/" + documentId))
			.body(projects.documents(id));
	}

	@GetMapping("/projects/{id}/documents/{documentId}")
	@Operation(summary = "A document's content, always as a download")
	ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long documentId) {
		InvestmentProjects.Download file = projects.download(id, documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

}
