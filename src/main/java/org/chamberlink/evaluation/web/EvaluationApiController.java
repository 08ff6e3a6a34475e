package org.chamberlink.evaluation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.evaluation.Campaign;
import org.chamberlink.evaluation.CampaignForm;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationLevel;
import org.chamberlink.evaluation.EvaluationView;
import org.chamberlink.evaluation.Evaluations;
import org.chamberlink.evaluation.Evidence;
import org.chamberlink.evaluation.Indicator;
import org.chamberlink.evaluation.IndicatorValue;
import org.chamberlink.evaluation.Objection;
import org.chamberlink.evaluation.Recognition;
import org.chamberlink.evaluation.Recognitions;
import org.chamberlink.evaluation.Scheme;
import org.chamberlink.evaluation.Schemes;
import org.chamberlink.evaluation.Score;
import org.chamberlink.identity.RoleGroups;

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

/** Evaluations over the API: schemes, campaigns and their boards, the review chain and recognitions, as on the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "evaluations", description = "评比：方案、评比活动、逐级审核、认定与公示 / evaluation schemes, campaigns, review chain, recognitions")
class EvaluationApiController {

	record CriterionChange(String title, Integer maxPoints, String guidance) {
	}

	record PassMarkChange(EvaluationLevel level, Integer passMark) {
	}

	record ScoreInput(Long criterionId, Integer points, Boolean vetoFailed, String comment) {
	}

	record Reason(String reason) {
	}

	record Summary(String summary) {
	}

	record LinkEvidence(Long criterionId, String link, String note) {
	}

	record ObjectionInput(String raisedBy, String text) {
	}

	record Answer(String answer) {
	}

	record EvaluationDetail(EvaluationView evaluation, Campaign campaign, List<Score> scores, List<Evidence> evidence,
			Map<Indicator, IndicatorValue> indicators, List<Recognition> recognitions) {
	}

	record RecognitionDetail(Recognition recognition, List<Objection> objections) {
	}

	private final Schemes schemes;

	private final Campaigns campaigns;

	private final Evaluations evaluations;

	private final Recognitions recognitions;

	EvaluationApiController(Schemes schemes, Campaigns campaigns, Evaluations evaluations, Recognitions recognitions) {
		this.schemes = schemes;
		this.campaigns = campaigns;
		this.evaluations = evaluations;
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

	@PutMapping("/evaluation-schemes/{id}/pass-marks")
	@PreAuthorize(RoleGroups.FEDERATION)
	Scheme changePassMark(@PathVariable Long id, @RequestBody PassMarkChange change) {
		schemes.setPassMark(id, change.level(), change.passMark());
		return schemes.get(id);
	}

	@GetMapping("/evaluation-campaigns")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Campaigns the caller reviews (opened at or below it) or takes part in (opened above it)")
	List<Campaign> campaigns() {
		return campaigns.visible();
	}

	@PostMapping("/evaluation-campaigns")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Opens a campaign of the caller's own federation: scheme, year, notice days, deadlines")
	ResponseEntity<Campaign> open(@RequestBody CampaignForm form) {
		Long id = campaigns.open(form);
		return ResponseEntity.created(URI.create("/api/v1/evaluation-campaigns/" + id)).body(campaigns.get(id));
	}

	@GetMapping("/evaluation-campaigns/{id}")
	@PreAuthorize(RoleGroups.READERS)
	Campaign campaign(@PathVariable Long id) {
		return campaigns.get(id);
	}

	@GetMapping("/evaluation-campaigns/{id}/board")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The progress board: each organisation the campaign applies to within the caller's scope, and where it stands")
	List<Evaluations.BoardRow> board(@PathVariable Long id) {
		return evaluations.board(id);
	}

	@PostMapping("/evaluation-campaigns/{id}/evaluations")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Starts (or finds) the caller's own organisation's evaluation in the campaign")
	ResponseEntity<EvaluationDetail> start(@PathVariable Long id) {
		Long evaluationId = evaluations.start(id);
		return ResponseEntity.created(URI.create("/api/v1/evaluations/" + evaluationId)).body(detail(evaluationId));
	}

	@GetMapping("/evaluations/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "An evaluation with its scores per level, evidence, indicators as of today and recognitions")
	EvaluationDetail evaluation(@PathVariable Long id) {
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/self-scores")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail selfScore(@PathVariable Long id, @RequestBody ScoreInput input) {
		evaluations.selfScore(id, input.criterionId(), input.points(), input.comment());
		return detail(id);
	}

	@PutMapping("/evaluations/{id}/summary")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail summary(@PathVariable Long id, @RequestBody Summary summary) {
		evaluations.summarise(id, summary.summary());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/evidence")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Adds a link as evidence for a criterion (files are uploaded on the page)")
	EvaluationDetail evidence(@PathVariable Long id, @RequestBody LinkEvidence input) {
		evaluations.addEvidence(id, input.criterionId(), null, null, null, input.link(), input.note());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/submit")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail submit(@PathVariable Long id) {
		evaluations.submit(id);
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/scores")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "A reviewer's points and comment for a criterion at the level the evaluation stands at")
	EvaluationDetail score(@PathVariable Long id, @RequestBody ScoreInput input) {
		evaluations.score(id, input.criterionId(), input.points(), Boolean.TRUE.equals(input.vetoFailed()), input.comment());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail returnForChanges(@PathVariable Long id, @RequestBody Reason reason) {
		evaluations.returnForChanges(id, reason.reason());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/pass")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Passes at the reviewer's level: a recognition in public notice for the campaign's notice days")
	EvaluationDetail pass(@PathVariable Long id) {
		evaluations.pass(id);
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/recommend")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail recommend(@PathVariable Long id) {
		evaluations.recommend(id);
		return detail(id);
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

	private EvaluationDetail detail(Long id) {
		EvaluationView evaluation = evaluations.get(id);
		return new EvaluationDetail(evaluation, campaigns.get(evaluation.campaignId()), evaluations.scores(id),
				evaluations.evidence(id), evaluations.indicators(id), recognitions.ofEvaluation(id));
	}

}
