package org.chamberlink.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.evaluation.Campaign;
import org.chamberlink.evaluation.CampaignForm;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationBoard;
import org.chamberlink.evaluation.EvaluationStatus;
import org.chamberlink.evaluation.EvaluationSubmissions;
import org.chamberlink.evaluation.Evaluations;
import org.chamberlink.evaluation.Schemes;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: the campaigns the caller reviews or takes part in, opening one, its progress
 * board (where the caller's own organisation starts its evaluation) and its pre-fill — every
 * indicator of every organisation on the board, measured set-based.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class EvaluationCampaignPageController {

	private final Schemes schemes;

	private final Campaigns campaigns;

	private final Evaluations evaluations;

	private final EvaluationBoard board;

	private final EvaluationSubmissions submissions;

	private final Organizations organizations;

	private final RefusedSteps steps;

	private final Clock clock;

	EvaluationCampaignPageController(Schemes schemes, Campaigns campaigns, Evaluations evaluations, EvaluationBoard board,
			EvaluationSubmissions submissions, Organizations organizations, RefusedSteps steps, Clock clock) {
		this.schemes = schemes;
		this.campaigns = campaigns;
		this.evaluations = evaluations;
		this.board = board;
		this.submissions = submissions;
		this.organizations = organizations;
		this.steps = steps;
		this.clock = clock;
	}

	@GetMapping("/evaluations")
	String campaigns(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("campaigns", campaigns.visible());
		model.addAttribute("federationAccount",
				me.orgId() != null && organizations.get(me.orgId()).type() == OrganizationType.FEDERATION);
		return "evaluation/list";
	}

	@GetMapping("/evaluations/campaigns/new")
	@PreAuthorize(RoleGroups.FEDERATION)
	String newCampaign(Model model) {
		if (!model.containsAttribute("campaignForm")) {
			LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
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
		List<EvaluationBoard.BoardRow> board = this.board.board(id);
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
		return steps.attempt(model, locale, "start", null, () -> "redirect:/evaluations/" + submissions.start(id),
				() -> campaign(id, me, model));
	}

	/** The campaign's pre-fill: every indicator the scheme measures, for every organisation on the caller's board. */
	@GetMapping("/evaluations/campaigns/{id}/indicators")
	String indicators(@PathVariable Long id, Model model) {
		Campaign campaign = campaigns.get(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("prefill", this.board.prefill(id));
		return "evaluation/indicators";
	}

}
