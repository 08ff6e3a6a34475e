package org.chamberlink.evaluation.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.evaluation.EvaluationLevel;
import org.chamberlink.evaluation.Evaluations;
import org.chamberlink.evaluation.EvidenceKind;
import org.chamberlink.evaluation.Indicator;
import org.chamberlink.evaluation.Objection;
import org.chamberlink.evaluation.Recognition;
import org.chamberlink.evaluation.Recognitions;
import org.chamberlink.evaluation.Scheme;
import org.chamberlink.evaluation.Schemes;
import org.chamberlink.identity.RoleGroups;

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

/** Evaluations over the API: schemes, campaigns and their boards, the review chain and recognitions, as on the pages. */
/** Evaluation schemes (criteria changed, added and removed; pass marks) and recognitions with their notice and objections, over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "evaluations")
class RecognitionApiController {

	record CriterionChange(String title, Integer maxPoints, String guidance) {
	}

	record NewCriterion(String title, Integer maxPoints, String guidance, EvidenceKind evidence, Indicator indicator, Boolean veto) {
	}

	record PassMarkChange(EvaluationLevel level, Integer passMark) {
	}

	record ObjectionInput(String raisedBy, String text) {
	}

	record Answer(String answer) {
	}

	record Reason(String reason) {
	}

	record RecognitionDetail(Recognition recognition, List<Objection> objections) {
	}

	private final Schemes schemes;

	private final Recognitions recognitions;

	RecognitionApiController(Schemes schemes, Recognitions recognitions) {
		this.schemes = schemes;
		this.recognitions = recognitions;
	}

	@GetMapping("/evaluation-schemes")
	@PreAuthorize(RoleGroups.READERS)
	List<Schemes.SchemeSummary> schemes() {
		return schemes.list();
	}

	@GetMapping("/evaluation-schemes/{id}")
	@PreAuthorize(RoleGroups.READERS)
	Scheme scheme(@PathVariable Long id) {
		return schemes.get(id);
	}

	@PutMapping("/evaluation-schemes/{id}/criteria/{criterionId}")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Changes a criterion's wording, maximum points and guidance")
	Scheme changeCriterion(@PathVariable Long id, @PathVariable Long criterionId, @RequestBody CriterionChange change) {
		schemes.updateCriterion(id, criterionId, change.title(), change.maxPoints(), change.guidance());
		return schemes.get(id);
	}

	@PostMapping("/evaluation-schemes/{id}/sections/{sectionId}/criteria")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Adds a criterion at the end of a section")
	ResponseEntity<Scheme> addCriterion(@PathVariable Long id, @PathVariable Long sectionId, @RequestBody NewCriterion input) {
		schemes.addCriterion(id, sectionId, input.title(), input.maxPoints(), input.guidance(), input.evidence(), input.indicator(),
				Boolean.TRUE.equals(input.veto()));
		return ResponseEntity.created(URI.create("/api/v1/evaluation-schemes/" + id)).body(schemes.get(id));
	}

	@DeleteMapping("/evaluation-schemes/{id}/criteria/{criterionId}")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Removes a criterion no evaluation has scored or attached evidence to (422 otherwise)")
	Scheme removeCriterion(@PathVariable Long id, @PathVariable Long criterionId) {
		schemes.removeCriterion(id, criterionId);
		return schemes.get(id);
	}

	@PutMapping("/evaluation-schemes/{id}/pass-marks")
	@PreAuthorize(RoleGroups.FEDERATION)
	Scheme changePassMark(@PathVariable Long id, @RequestBody PassMarkChange change) {
		schemes.setPassMark(id, change.level(), change.passMark());
		return schemes.get(id);
	}

	@GetMapping("/recognitions")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Recognitions of a year in the caller's scope, optionally of one level, with their state (NOTICE, OBJECTED, FINAL, WITHDRAWN)")
	List<Recognition> recognitions(@RequestParam int year, @RequestParam(required = false) EvaluationLevel level) {
		return recognitions.list(year, level);
	}

	@GetMapping("/recognitions/{id}")
	@PreAuthorize(RoleGroups.READERS)
	RecognitionDetail recognition(@PathVariable Long id) {
		return new RecognitionDetail(recognitions.get(id), recognitions.objections(id));
	}

	@PostMapping("/recognitions/{id}/objections")
	@PreAuthorize(RoleGroups.WORKERS)
	RecognitionDetail object(@PathVariable Long id, @RequestBody ObjectionInput input) {
		recognitions.object(id, input.raisedBy(), input.text());
		return recognition(id);
	}

	@PostMapping("/recognitions/{id}/objections/{objectionId}/answer")
	@PreAuthorize(RoleGroups.WORKERS)
	RecognitionDetail answer(@PathVariable Long id, @PathVariable Long objectionId, @RequestBody Answer answer) {
		recognitions.answer(id, objectionId, answer.answer());
		return recognition(id);
	}

	@PostMapping("/recognitions/{id}/withdraw")
	@PreAuthorize(RoleGroups.WORKERS)
	RecognitionDetail withdraw(@PathVariable Long id, @RequestBody Reason reason) {
		recognitions.withdraw(id, reason.reason());
		return recognition(id);
	}

	@GetMapping("/organizations/{id}/recognitions")
	@PreAuthorize(RoleGroups.READERS)
	List<Recognition> ofOrganization(@PathVariable Long id) {
		return recognitions.ofOrganization(id);
	}

}
