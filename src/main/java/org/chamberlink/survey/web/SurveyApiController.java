package org.chamberlink.survey.web;

import java.net.URI;
import java.util.List;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.survey.SurveyDraft;
import org.chamberlink.survey.SurveyResults;
import org.chamberlink.survey.SurveyView;
import org.chamberlink.survey.Surveys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Surveys of the caller's scope: build, publish, close early, results (a neighbour's answer 404). */
@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "surveys", description = "问卷、满意度测评 / surveys")
class SurveyApiController {

	private final Surveys surveys;

	private final SurveyResults results;

	SurveyApiController(Surveys surveys, SurveyResults results) {
		this.surveys = surveys;
		this.results = results;
	}

	@GetMapping
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The surveys of the caller's subtree, newest first (at most 200)")
	List<SurveyView> list(@RequestParam(required = false) String keyword) {
		return surveys.list(keyword);
	}

	@PostMapping
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Builds a survey as a draft; times are China time (2026-12-05T09:00); questions: kind SINGLE, MULTIPLE, RATING or TEXT")
	ResponseEntity<SurveyView> create(@RequestBody SurveyDraft draft) {
		// a survey sent here is the sender's own; the satisfaction preset is made by POST /satisfaction
		Long id = surveys.create(draft.builtBySender());
		return ResponseEntity.created(URI.create("/api/v1/surveys/" + id)).body(surveys.get(id));
	}

	@PostMapping("/satisfaction")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Seed 002's 公认度和满意度测评 of an organisation by its members, as a draft opening now")
	ResponseEntity<SurveyView> satisfaction(@RequestParam Long orgId) {
		Long id = surveys.createSatisfactionSurvey(orgId);
		return ResponseEntity.created(URI.create("/api/v1/surveys/" + id)).body(surveys.get(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(RoleGroups.READERS)
	SurveyView get(@PathVariable Long id) {
		return surveys.get(id);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize(RoleGroups.WORKERS)
	SurveyView publish(@PathVariable Long id) {
		surveys.publish(id);
		return surveys.get(id);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Closes an open survey now")
	SurveyView close(@PathVariable Long id) {
		surveys.close(id);
		return surveys.get(id);
	}

	@GetMapping("/{id}/results")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Counts per question and option (ratings 1–5 with the average), free texts, and the breakdown by the "
			+ "respondents' organisations; a cell under 5 answers is hidden (no figures)")
	SurveyResults.Result results(@PathVariable Long id) {
		return results.of(id);
	}

}
