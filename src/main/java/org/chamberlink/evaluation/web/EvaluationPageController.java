package org.chamberlink.evaluation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.evaluation.Campaign;
import org.chamberlink.evaluation.CampaignForm;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationLevel;
import org.chamberlink.evaluation.EvaluationStatus;
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
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation pages: campaigns and their progress boards, an organisation's evaluation with the
 * indicators the system measured, its evidence and the review steps of the level it stands at, and
 * the recognitions with their notice and objections. A refused step draws its page again with the
 * message on the field and what was typed (422).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class EvaluationPageController {

	private final Schemes schemes;

	private final Campaigns campaigns;

	private final Evaluations evaluations;

	private final Recognitions recognitions;

	private final Organizations organizations;

	private final MessageSource messages;

	private final Clock clock;

	EvaluationPageController(Schemes schemes, Campaigns campaigns, Evaluations evaluations, Recognitions recognitions,
			Organizations organizations, MessageSource messages, Clock clock) {
		this.schemes = schemes;
		this.campaigns = campaigns;
		this.evaluations = evaluations;
		this.recognitions = recognitions;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	// ---- campaigns ----

	@GetMapping("/evaluations")
	String campaigns(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("campaigns", campaigns.visible());
		model.addAttribute("federationAccount", federationAccount(me));
		return "evaluation/list";
	}

	private boolean federationAccount(AccountPrincipal me) {
		return me.orgId() != null && organizations.get(me.orgId()).type() == OrganizationType.FEDERATION;
	}

	@GetMapping("/evaluations/campaigns/new")
	@PreAuthorize(RoleGroups.FEDERATION)
	String newCampaign(Model model) {
		if (!model.containsAttribute("campaignForm")) {
			LocalDate today = today();
			model.addAttribute("campaignForm", new CampaignForm(null, today.getYear(), null, 7, today.plusDays(30), null, null, null));
		}
		model.addAttribute("schemes", schemes.list());
		return "evaluation/campaign-form";
	}

	@PostMapping("/evaluations/campaigns")
	@PreAuthorize(RoleGroups.FEDERATION)
	String openCampaign(@ModelAttribute("campaignForm") CampaignForm campaignForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Long id = campaigns.open(campaignForm);
				redirect.addFlashAttribute("success", "evaluation.campaign.opened");
				return "redirect:/evaluations/campaigns/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return newCampaign(model);
	}

	@GetMapping("/evaluations/campaigns/{id}")
	String campaign(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Campaign campaign = campaigns.get(id);
		List<Evaluations.BoardRow> board = evaluations.board(id);
		Map<EvaluationStatus, Long> counts = new EnumMap<>(EvaluationStatus.class);
		for (EvaluationStatus status : EvaluationStatus.values()) {
			counts.put(status, board.stream().filter(row -> row.status() == status).count());
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("scheme", schemes.get(campaign.schemeId()));
		model.addAttribute("board", board);
		model.addAttribute("counts", counts);
		model.addAttribute("statuses", EvaluationStatus.values());
		boolean participant = me.orgId() != null && board.stream().anyMatch(row -> row.orgId().equals(me.orgId()));
		model.addAttribute("participant", participant);
		model.addAttribute("mine", participant ? evaluations.find(id, me.orgId()).orElse(null) : null);
		return "evaluation/campaign";
	}

	@PostMapping("/evaluations/campaigns/{id}/start")
	@PreAuthorize(RoleGroups.WORKERS)
	String start(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		try {
			return "redirect:/evaluations/" + evaluations.start(id);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("start", null, e, messages, locale));
			return campaign(id, me, model);
		}
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

	private String refused(Long id, String form, Long row, RuleViolationException e, AccountPrincipal me, Locale locale, Model model,
			String... typed) {
		model.addAttribute("refusal", RowRefusal.of(form, row, e, messages, locale, typed));
		return evaluation(id, me, model);
	}

	@PostMapping("/evaluations/{id}/self-scores")
	@PreAuthorize(RoleGroups.WORKERS)
	String selfScore(@PathVariable Long id, @RequestParam(required = false) Long criterionId,
			@RequestParam(required = false) String points, @RequestParam(required = false) String comment,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		try {
			evaluations.selfScore(id, criterionId, number(points), comment);
			return "redirect:/evaluations/" + id + "#c" + criterionId;
		}
		catch (RuleViolationException e) {
			return refused(id, "self", criterionId, e, me, locale, model, "points", points, "comment", comment);
		}
	}

	@PostMapping("/evaluations/{id}/summary")
	@PreAuthorize(RoleGroups.WORKERS)
	String summary(@PathVariable Long id, @RequestParam(required = false) String selfSummary,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			evaluations.summarise(id, selfSummary);
			redirect.addFlashAttribute("success", "evaluation.saved");
			return "redirect:/evaluations/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "summary", null, e, me, locale, model, "selfSummary", selfSummary);
		}
	}

	@PostMapping("/evaluations/{id}/evidence")
	@PreAuthorize(RoleGroups.WORKERS)
	String evidence(@PathVariable Long id, @RequestParam(required = false) Long criterionId,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String link,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			boolean hasFile = file != null && !file.isEmpty();
			evaluations.addEvidence(id, criterionId, hasFile ? file.getOriginalFilename() : null,
					hasFile ? file.getContentType() : null, hasFile ? file.getBytes() : null, link, note);
			redirect.addFlashAttribute("success", "evaluation.evidence.added");
			return "redirect:/evaluations/" + id + "#c" + criterionId;
		}
		catch (RuleViolationException e) {
			return refused(id, "evidence", criterionId, e, me, locale, model, "link", link, "note", note);
		}
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
		try {
			evaluations.submit(id);
			redirect.addFlashAttribute("success", "evaluation.submitted");
			return "redirect:/evaluations/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "submit", null, e, me, locale, model);
		}
	}

	@PostMapping("/evaluations/{id}/scores")
	@PreAuthorize(RoleGroups.WORKERS)
	String score(@PathVariable Long id, @RequestParam(required = false) Long criterionId,
			@RequestParam(required = false) String points, @RequestParam(required = false) Boolean vetoFailed,
			@RequestParam(required = false) String comment, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model) {
		try {
			evaluations.score(id, criterionId, number(points), Boolean.TRUE.equals(vetoFailed), comment);
			return "redirect:/evaluations/" + id + "#c" + criterionId;
		}
		catch (RuleViolationException e) {
			return refused(id, "score", criterionId, e, me, locale, model, "points", points, "comment", comment);
		}
	}

	@PostMapping("/evaluations/{id}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	String returnForChanges(@PathVariable Long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			evaluations.returnForChanges(id, reason);
			redirect.addFlashAttribute("success", "evaluation.returned");
			return "redirect:/evaluations/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "decide", null, e, me, locale, model, "reason", reason);
		}
	}

	@PostMapping("/evaluations/{id}/pass")
	@PreAuthorize(RoleGroups.WORKERS)
	String pass(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			evaluations.pass(id);
			redirect.addFlashAttribute("success", "evaluation.passed");
			return "redirect:/evaluations/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "decide", null, e, me, locale, model);
		}
	}

	@PostMapping("/evaluations/{id}/recommend")
	@PreAuthorize(RoleGroups.WORKERS)
	String recommend(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			evaluations.recommend(id);
			redirect.addFlashAttribute("success", "evaluation.recommended");
			return "redirect:/evaluations/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "decide", null, e, me, locale, model);
		}
	}

	/** Typed points: a number, or none (the service refuses none). Not a number is refused on the field. */
	private static Integer number(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException("points", "evaluation.score.notNumber");
		}
	}

}
