package org.chamberlink.evaluation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.evaluation.Campaign;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationLevel;
import org.chamberlink.evaluation.EvaluationReviews;
import org.chamberlink.evaluation.EvaluationSubmissions;
import org.chamberlink.evaluation.EvaluationView;
import org.chamberlink.evaluation.Evaluations;
import org.chamberlink.evaluation.Recognitions;
import org.chamberlink.evaluation.Scheme;
import org.chamberlink.evaluation.Schemes;
import org.chamberlink.evaluation.Score;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's evaluation page: the indicators the system measured, its own scores, summary
 * and evidence, and the review steps of the level it stands at (campaigns are
 * {@link EvaluationCampaignPageController}'s). A refused step draws the page again with the message on the
 * field and what was typed (422).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class EvaluationPageController {

	private final Schemes schemes;

	private final Campaigns campaigns;

	private final Evaluations evaluations;

	private final EvaluationSubmissions submissions;

	private final EvaluationReviews reviews;

	private final Recognitions recognitions;

	private final Organizations organizations;

	private final RefusedSteps steps;

	EvaluationPageController(Schemes schemes, Campaigns campaigns, Evaluations evaluations, EvaluationSubmissions submissions,
			EvaluationReviews reviews, Recognitions recognitions, Organizations organizations, RefusedSteps steps) {
		this.schemes = schemes;
		this.campaigns = campaigns;
		this.evaluations = evaluations;
		this.submissions = submissions;
		this.reviews = reviews;
		this.recognitions = recognitions;
		this.organizations = organizations;
		this.steps = steps;
	}

	// ---- one evaluation ----

	@GetMapping("/evaluations/{id}")
	String evaluation(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		EvaluationView evaluation = evaluations.get(id);
		Campaign campaign = campaigns.get(evaluation.campaignId());
		Scheme scheme = schemes.get(campaign.schemeId());
		List<Score> scores = evaluations.scores(id);
		Map<String, Score> byKey = new java.util.HashMap<>();
		scores.forEach(s -> byKey.put(s.criterionId() + ":" + s.level(), s));
		boolean own = evaluation.orgId().equals(me.orgId());
		EvaluationLevel acting = evaluation.level() == EvaluationLevel.NATIONAL ? EvaluationLevel.PROVINCE : evaluation.level();
		boolean reviewingLevel = !own && me.orgId() != null && reviewerLevel(me) == acting;
		model.addAttribute("evaluation", evaluation);
		model.addAttribute("campaign", campaign);
		model.addAttribute("scheme", scheme);
		model.addAttribute("scores", byKey);
		model.addAttribute("selfTotal", Evaluations.total(scores, "SELF"));
		model.addAttribute("levelTotal", Evaluations.total(scores, evaluation.level().name()));
		model.addAttribute("passMark", scheme.passMark(evaluation.level()));
		model.addAttribute("evidence", evaluations.evidence(id));
		model.addAttribute("indicators", evaluations.indicators(id));
		model.addAttribute("recognitions", recognitions.ofEvaluation(id));
		model.addAttribute("levels", EvaluationLevel.values());
		// what the caller's organisation is to this evaluation; the template asks may.work beside it
		model.addAttribute("ownEvaluation", own);
		model.addAttribute("reviewingLevel", reviewingLevel);
		model.addAttribute("levelAbove", evaluation.level().next() != null && scheme.passMark(evaluation.level().next()) != null);
		return "evaluation/evaluation";
	}

	private EvaluationLevel reviewerLevel(AccountPrincipal me) {
		OrganizationSummary org = organizations.get(me.orgId());
		if (org.type() != OrganizationType.FEDERATION || org.level() == null) {
			return null;
		}
		return EvaluationLevel.valueOf(org.level());
	}

	/** Tries a step of the evaluation's page; refused, the page is drawn again with the message on the row's field. */
	private String attempt(Long id, String form, Long row, AccountPrincipal me, Locale locale, Model model,
			java.util.function.Supplier<String> step, String... typed) {
		return steps.attempt(model, locale, form, row, step, () -> evaluation(id, me, model), typed);
	}

	@PostMapping("/evaluations/{id}/self-scores")
	@PreAuthorize(RoleGroups.WORKERS)
	String selfScore(@PathVariable Long id, @RequestParam(required = false) Long criterionId,
			@RequestParam(required = false) String points, @RequestParam(required = false) String comment,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		return attempt(id, "self", criterionId, me, locale, model, () -> {
			submissions.selfScore(id, criterionId, number(points), comment);
			return "redirect:/evaluations/" + id + "#c" + criterionId;
		}, "points", points, "comment", comment);
	}

	@PostMapping("/evaluations/{id}/summary")
	@PreAuthorize(RoleGroups.WORKERS)
	String summary(@PathVariable Long id, @RequestParam(required = false) String selfSummary,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		return attempt(id, "summary", null, me, locale, model, () -> {
			submissions.summarise(id, selfSummary);
			return done(redirect, "evaluation.saved", id);
		}, "selfSummary", selfSummary);
	}

	@PostMapping("/evaluations/{id}/evidence")
	@PreAuthorize(RoleGroups.WORKERS)
	String evidence(@PathVariable Long id, @RequestParam(required = false) Long criterionId,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String link,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		boolean hasFile = file != null && !file.isEmpty();
		byte[] content = hasFile ? file.getBytes() : null;
		return attempt(id, "evidence", criterionId, me, locale, model, () -> {
			submissions.addEvidence(id, criterionId, hasFile ? file.getOriginalFilename() : null,
					hasFile ? file.getContentType() : null, content, link, note);
			redirect.addFlashAttribute("success", "evaluation.evidence.added");
			return "redirect:/evaluations/" + id + "#c" + criterionId;
		}, "link", link, "note", note);
	}

	@GetMapping("/evaluations/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long evidenceId) {
		Evaluations.EvidenceFile file = evaluations.evidenceFile(id, evidenceId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}

	@PostMapping("/evaluations/{id}/submit")
	@PreAuthorize(RoleGroups.WORKERS)
	String submit(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		return attempt(id, "submit", null, me, locale, model, () -> {
			submissions.submit(id);
			return done(redirect, "evaluation.submitted", id);
		});
	}

	@PostMapping("/evaluations/{id}/scores")
	@PreAuthorize(RoleGroups.WORKERS)
	String score(@PathVariable Long id, @RequestParam(required = false) Long criterionId,
			@RequestParam(required = false) String points, @RequestParam(required = false) Boolean vetoFailed,
			@RequestParam(required = false) String comment, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model) {
		return attempt(id, "score", criterionId, me, locale, model, () -> {
			reviews.score(id, criterionId, number(points), Boolean.TRUE.equals(vetoFailed), comment);
			return "redirect:/evaluations/" + id + "#c" + criterionId;
		}, "points", points, "comment", comment);
	}

	@PostMapping("/evaluations/{id}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	String returnForChanges(@PathVariable Long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		return attempt(id, "decide", null, me, locale, model, () -> {
			reviews.returnForChanges(id, reason);
			return done(redirect, "evaluation.returned", id);
		}, "reason", reason);
	}

	@PostMapping("/evaluations/{id}/pass")
	@PreAuthorize(RoleGroups.WORKERS)
	String pass(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		return attempt(id, "decide", null, me, locale, model, () -> {
			reviews.pass(id);
			return done(redirect, "evaluation.passed", id);
		});
	}

	@PostMapping("/evaluations/{id}/recommend")
	@PreAuthorize(RoleGroups.WORKERS)
	String recommend(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		return attempt(id, "decide", null, me, locale, model, () -> {
			reviews.recommend(id);
			return done(redirect, "evaluation.recommended", id);
		});
	}

	private static String done(RedirectAttributes redirect, String message, Long id) {
		redirect.addFlashAttribute("success", message);
		return "redirect:/evaluations/" + id;
	}

	/** Typed points: a number, or none (the service refuses none). Not a number is refused on the field. */
	private static Integer number(String typed) {
		return RefusedSteps.number(typed, "points", "evaluation.score.notNumber");
	}

}
