package org.chamberlink.casework.web;

import org.chamberlink.casework.web.CaseDetailsReader.CaseDetails;
import org.chamberlink.identity.RoleGroups;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.casework.CaseAttachments;
import org.chamberlink.casework.CaseCategory;
import org.chamberlink.casework.CaseFiling;
import org.chamberlink.casework.CaseFilter;
import org.chamberlink.casework.CaseForm;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseSatisfaction;
import org.chamberlink.casework.CaseState;
import org.chamberlink.casework.CaseView;
import org.chamberlink.casework.CaseWorkflow;
import org.chamberlink.casework.Cases;
import org.chamberlink.casework.MediationResult;
import org.chamberlink.casework.ResolveForm;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "需求、维权投诉、商会调解 / needs, complaints, mediation")
class CaseApiController {

	record Step(Long handlerAccountId, String comment) {
	}

	record Reason(String reason) {
	}

	record Closing(String outcome, MediationResult mediationResult) {
	}

	record Rating(Integer rating, String comment) {
	}

	private final Cases cases;

	private final CaseFiling filing;

	private final CaseWorkflow workflow;

	private final CaseSatisfaction satisfaction;

	private final CaseAttachments attachments;

	private final CaseDetailsReader details;

	CaseApiController(Cases cases, CaseFiling filing, CaseWorkflow workflow, CaseSatisfaction satisfaction,
			CaseAttachments attachments, CaseDetailsReader details) {
		this.cases = cases;
		this.filing = filing;
		this.workflow = workflow;
		this.satisfaction = satisfaction;
		this.attachments = attachments;
		this.details = details;
	}

	@GetMapping("/cases")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Cases the caller can see: filters kind, category, state, orgId (subtree), open, overdue, offered (transfers waiting for the caller), keyword")
	Page<CaseView> list(@RequestParam(required = false) CaseKind kind, @RequestParam(required = false) CaseCategory category,
			@RequestParam(required = false) CaseState state, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean offered, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return cases.search(new CaseFilter(kind, category, state, orgId, open, overdue, offered, keyword),
				PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), 200)));
	}

	@GetMapping("/cases/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "One case with its trail, files, and for a mediation its sides and sessions")
	CaseDetails get(@PathVariable Long id) {
		return details.of(id);
	}

	@PostMapping("/cases")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Files a case for a member (need, complaint) or for two parties (mediation; courtName for a court's referral)")
	ResponseEntity<CaseDetails> file(@RequestBody CaseForm form) {
		Long id = filing.file(form);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(details.of(id));
	}

	@PostMapping("/cases/{id}/accept")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Accepts a submitted case, optionally assigning a handler; the time to resolve starts")
	CaseDetails accept(@PathVariable Long id, @RequestBody(required = false) Step step) {
		workflow.accept(id, step == null ? null : step.handlerAccountId(), step == null ? null : step.comment());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/reject")
	@PreAuthorize(RoleGroups.WORKERS)
	CaseDetails reject(@PathVariable Long id, @RequestBody Reason reason) {
		workflow.reject(id, reason.reason());
		return details.of(id);
	}

	/** {@code version}: the case's version the caller saw; when given and moved meanwhile, 409 (decision 54). */
	record Assignment(Long handlerAccountId, String comment, Long version) {
	}

	@PostMapping("/cases/{id}/assign")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Assigns the case's handler; with the case's version, refused (409) if the case changed since")
	CaseDetails assign(@PathVariable Long id, @RequestBody Assignment step) {
		workflow.assign(id, step.handlerAccountId(), step.comment(), step.version());
		return details.of(id);
	}

	record Counsel(String counselName, Long version) {
	}

	@PostMapping("/cases/{id}/counsel")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Names the legal counsel who takes the case; blank clears it; with the case's version, refused (409) if the case changed since")
	CaseDetails counsel(@PathVariable Long id, @RequestBody Counsel counsel) {
		workflow.assignCounsel(id, counsel.counselName(), counsel.version());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/start")
	@PreAuthorize(RoleGroups.WORKERS)
	CaseDetails start(@PathVariable Long id, @RequestBody(required = false) Step step) {
		workflow.start(id, step == null ? null : step.comment());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/notes")
	@PreAuthorize(RoleGroups.WORKERS)
	CaseDetails note(@PathVariable Long id, @RequestBody Step step) {
		workflow.note(id, step.comment());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/resolve")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Resolves an accepted case (complaint: amountRecovered in yuan; mediation: agreementTerms, the document attached before)")
	CaseDetails resolve(@PathVariable Long id, @RequestBody ResolveForm form) {
		workflow.resolve(id, form, null);
		return details.of(id);
	}

	@PostMapping("/cases/{id}/close")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Closes an accepted case without result (mediation: FAILED or REFERRED_TO_COURT)")
	CaseDetails close(@PathVariable Long id, @RequestBody Closing closing) {
		workflow.closeUnresolved(id, closing.outcome(), closing.mediationResult());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/follow-up")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Records the rating a member gave in a phone follow-up of a closed case")
	CaseDetails followUp(@PathVariable Long id, @RequestBody Rating rating) {
		satisfaction.followUp(id, rating.rating(), rating.comment());
		return details.of(id);
	}

	@PostMapping(value = "/cases/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Attaches a file (purpose AGREEMENT for a mediation's signed agreement); at most 10 MB")
	CaseDetails attach(@PathVariable Long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "ATTACHMENT") String purpose) throws java.io.IOException {
		attachments.attach(id, "AGREEMENT".equals(purpose), Uploads.of(file));
		return details.of(id);
	}


}
