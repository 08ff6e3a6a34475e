package org.chamberlink.evaluation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.evaluation.Campaign;
import org.chamberlink.evaluation.CampaignForm;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationBoard;
import org.chamberlink.evaluation.EvaluationReviews;
import org.chamberlink.evaluation.EvaluationSubmissions;
import org.chamberlink.evaluation.EvaluationView;
import org.chamberlink.evaluation.Evaluations;
import org.chamberlink.evaluation.Evidence;
import org.chamberlink.evaluation.Indicator;
import org.chamberlink.evaluation.IndicatorValue;
import org.chamberlink.evaluation.Recognition;
import org.chamberlink.evaluation.Recognitions;
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
import org.springframework.web.bind.annotation.RestController;

/** Evaluations over the API: campaigns, their boards and pre-fills, and the review chain, as on the pages (schemes and recognitions: {@link RecognitionApiController}). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "evaluations", description = "评比：方案、评比活动、逐级审核、认定与公示 / evaluation schemes, campaigns, review chain, recognitions")
class EvaluationApiController {

	record ScoreInput(Long criterionId, Integer points, Boolean vetoFailed, String comment) {
	}

	record Reason(String reason) {
	}

	record Summary(String summary) {
	}

	record LinkEvidence(Long criterionId, String link, String note) {
	}

	record EvaluationDetail(EvaluationView evaluation, Campaign campaign, List<Score> scores, List<Evidence> evidence,
			Map<Indicator, IndicatorValue> indicators, List<Recognition> recognitions) {
	}

	private final Campaigns campaigns;

	private final Evaluations evaluations;

	private final EvaluationBoard board;

	private final EvaluationSubmissions submissions;

	private final EvaluationReviews reviews;

	private final Recognitions recognitions;

	EvaluationApiController(Campaigns campaigns, Evaluations evaluations, EvaluationBoard board,
			EvaluationSubmissions submissions, EvaluationReviews reviews, Recognitions recognitions) {
		this.campaigns = campaigns;
		this.evaluations = evaluations;
		this.board = board;
		this.submissions = submissions;
		this.reviews = reviews;
		this.recognitions = recognitions;
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
	List<EvaluationBoard.BoardRow> board(@PathVariable Long id) {
		return this.board.board(id);
	}

	@GetMapping("/evaluation-campaigns/{id}/indicators")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The pre-fill: every indicator the scheme measures, as of today, for each organisation on the caller's board")
	EvaluationBoard.Prefill indicators(@PathVariable Long id) {
		return this.board.prefill(id);
	}

	@PostMapping("/evaluation-campaigns/{id}/evaluations")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Starts (or finds) the caller's own organisation's evaluation in the campaign")
	ResponseEntity<EvaluationDetail> start(@PathVariable Long id) {
		Long evaluationId = submissions.start(id);
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
		submissions.selfScore(id, input.criterionId(), input.points(), input.comment());
		return detail(id);
	}

	@PutMapping("/evaluations/{id}/summary")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail summary(@PathVariable Long id, @RequestBody Summary summary) {
		submissions.summarise(id, summary.summary());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/evidence")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Adds a link as evidence for a criterion (files are uploaded on the page)")
	EvaluationDetail evidence(@PathVariable Long id, @RequestBody LinkEvidence input) {
		submissions.addEvidence(id, input.criterionId(), null, null, null, input.link(), input.note());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/submit")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail submit(@PathVariable Long id) {
		submissions.submit(id);
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/scores")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "A reviewer's points and comment for a criterion at the level the evaluation stands at")
	EvaluationDetail score(@PathVariable Long id, @RequestBody ScoreInput input) {
		reviews.score(id, input.criterionId(), input.points(), Boolean.TRUE.equals(input.vetoFailed()), input.comment());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail returnForChanges(@PathVariable Long id, @RequestBody Reason reason) {
		reviews.returnForChanges(id, reason.reason());
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/pass")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Passes at the reviewer's level: a recognition in public notice for the campaign's notice days")
	EvaluationDetail pass(@PathVariable Long id) {
		reviews.pass(id);
		return detail(id);
	}

	@PostMapping("/evaluations/{id}/recommend")
	@PreAuthorize(RoleGroups.WORKERS)
	EvaluationDetail recommend(@PathVariable Long id) {
		reviews.recommend(id);
		return detail(id);
	}

	private EvaluationDetail detail(Long id) {
		EvaluationView evaluation = evaluations.get(id);
		return new EvaluationDetail(evaluation, campaigns.get(evaluation.campaignId()), evaluations.scores(id),
				evaluations.evidence(id), evaluations.indicators(id), recognitions.ofEvaluation(id));
	}

}
